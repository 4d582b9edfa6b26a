using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Adapters;

public static class AdapterSetup
{
    public static IServiceCollection AddPeerMentorAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection("Email");
        services.Configure<EmailOptions>(email);
        services.AddSingleton<SmtpConnectionPool>();
        if (email.Get<EmailOptions>()?.UsesSmtp == true) services.AddScoped<IMailSender, SmtpMailSender>();
        else services.AddScoped<IMailSender, ViewerMailSender>();
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<FileStorage>();

        var sms = configuration.GetSection("Sms");
        services.Configure<SmsOptions>(sms);
        // The sender applies Sms:TimeoutSeconds itself, so HttpClient's own 100 s limit never decides.
        if (sms.Get<SmsOptions>()?.UsesGateway == true) services.AddHttpClient<ISmsSender, TwilioSmsSender>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        else services.AddScoped<ISmsSender, ViewerSmsSender>();
        return services;
    }
}
