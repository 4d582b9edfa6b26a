namespace PeerMentor.Web.Jobs;

public static class JobSetup
{
    public static IServiceCollection AddPeerMentorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DispatcherOptions>(configuration.GetSection("Notifications:Dispatcher"));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<SessionExpiryJob>();
        services.AddHostedService<AutomationJob>();
        return services;
    }
}
