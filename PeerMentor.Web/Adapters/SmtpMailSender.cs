using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Notifications;
using DomainMail = PeerMentor.Domain.Notifications.MailMessage;

namespace PeerMentor.Web.Adapters;

public sealed class EmailOptions
{
    public string From { get; set; } = "PeerMentor <no-reply@peermentor.local>";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>With no SMTP host, mail goes to the in-app viewer (development default).</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>Sends through an SMTP server: a multipart/alternative mail with plain-text and HTML parts, then any attachments.</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(DomainMail message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!MailAddress.TryCreate(message.To, out var to))
            throw new MailDeliveryException($"\"{message.To}\" is not a valid email address.", permanent: true);
        using var mail = new System.Net.Mail.MailMessage(new MailAddress(settings.From), to)
        {
            Subject = message.Subject,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        foreach (var file in message.Attachments ?? [])
        {
            // Base64 keeps the content byte for byte; iCalendar needs its CRLF line ends intact.
            var attachment = Attachment.CreateAttachmentFromString(file.Content, new ContentType(file.ContentType) { Name = file.FileName });
            attachment.TransferEncoding = TransferEncoding.Base64;
            attachment.ContentDisposition!.FileName = file.FileName;
            mail.Attachments.Add(attachment);
        }

        using var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port)
        {
            EnableSsl = settings.Smtp.EnableSsl,
            Timeout = settings.Smtp.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            // RFC 5321: a 5yz reply is a permanent failure; sending the same mail again would get the same answer.
            logger.LogWarning(ex, "SMTP server {Host}:{Port} refused the mail for good", settings.Smtp.Host, settings.Smtp.Port);
            throw new MailDeliveryException($"The mail server {settings.Smtp.Host}:{settings.Smtp.Port} refused the mail: {ex.Message}", ex, permanent: true);
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException)
        {
            logger.LogWarning(ex, "SMTP delivery to {Host}:{Port} failed", settings.Smtp.Host, settings.Smtp.Port);
            throw new MailDeliveryException($"The mail server {settings.Smtp.Host}:{settings.Smtp.Port} did not accept the mail.", ex);
        }
    }
}
