using Coravel;

namespace PeerMentor.Web.Jobs;

public static class JobSetup
{
    public static IServiceCollection AddPeerMentorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DispatcherOptions>(configuration.GetSection("Notifications:Dispatcher"));
        services.AddSingleton<OutboxDispatcher>();
        // Before Coravel's host, so that it stops after it (hosted services stop in reverse order).
        services.AddHostedService<SchedulerDrain>();
        services.AddScheduler();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<SessionExpiryJob>();
        services.AddTransient<AutomationJob>();
        return services;
    }

    /// <summary>
    /// Coravel runs every recurring job. Its overlap lock is per process; the jobs' own database claims (outbox lease,
    /// request status token, automation week) keep them once-only across instances.
    /// </summary>
    public static IServiceProvider UsePeerMentorJobs(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILogger<OutboxDispatcher>>();
        var recurring = services.GetRequiredService<IConfiguration>().GetValue("Jobs:Recurring", true);
        services.UseScheduler(schedule =>
        {
            schedule.Schedule<OutboxDispatchJob>().EverySecond();
            // Tests that move the clock by hand call these themselves; a run they did not ask for would race theirs.
            if (!recurring) return;
            schedule.Schedule<SessionExpiryJob>().EveryMinute().RunOnceAtStart().PreventOverlapping(nameof(SessionExpiryJob));
            schedule.Schedule<AutomationJob>().Hourly().RunOnceAtStart().PreventOverlapping(nameof(AutomationJob));
        })
        // A failed run is logged; the next one tries again, and nothing is lost meanwhile.
        .OnError(ex => logger.LogError(ex, "A scheduled job failed; it runs again at its next time"));
        return services;
    }
}
