using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Adapters;

public static class AdapterSetup
{
    public static IServiceCollection AddPeerMentorAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection("Email");
        services.Configure<EmailOptions>(email);
        if (email.Get<EmailOptions>()?.UsesSmtp == true) services.AddScoped<IMailSender, SmtpMailSender>();
        else services.AddScoped<IMailSender, ViewerMailSender>();
        services.Configure<UploadOptions>(configuration.GetSection("Uploads"));
        services.AddSingleton<FileStorage>();
        return services;
    }
}
