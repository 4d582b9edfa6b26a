using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using DomainMail = PeerMentor.Domain.Notifications.MailMessage;
using MailDeliveryException = PeerMentor.Domain.Notifications.MailDeliveryException;

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
    /// <summary>StartTls (default: refuses a server without TLS), SslOnConnect (port 465), StartTlsWhenAvailable, Auto or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    /// <summary>False turns TLS off whatever <see cref="Security"/> says (for a relay on loopback).</summary>
    public bool EnableSsl { get; set; } = true;
    /// <summary>Sign in when set; many relays on a private network need none.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public int TimeoutSeconds { get; set; } = 15;
    /// <summary>A kept connection idle this long is checked with NOOP before its next mail: servers close idle connections.</summary>
    public int IdleCheckSeconds { get; set; } = 30;

    public SecureSocketOptions TlsMode => EnableSsl ? Security : SecureSocketOptions.None;
}

/// <summary>
/// Sends through an SMTP server (MailKit): a multipart/alternative mail with plain-text and HTML parts, then any attachments.
/// One sender serves one dispatcher lane (a scope) on one connection from <see cref="SmtpConnectionPool"/>, kept open for
/// the next lane when done. A 5xx answer or a malformed address is permanent; anything else is worth trying again.
/// </summary>
public sealed class SmtpMailSender(SmtpConnectionPool pool, IOptions<EmailOptions> options, ILogger<SmtpMailSender> logger)
    : PeerMentor.Domain.Notifications.IMailSender, IAsyncDisposable
{
    private SmtpConnection? _connection;
    // Parsed once per lane; each mail gets its own copy (MimeKit's address lists subscribe to the addresses they hold).
    private (string Text, string? Name, string Address)? _from;

    public async Task SendAsync(DomainMail message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = Compose(message, From(settings.From));
        _connection ??= pool.Rent();
        try
        {
            var reused = await _connection.ReadyAsync(settings.Smtp, cancellationToken);
            try
            {
                await _connection.Client.SendAsync(mime, cancellationToken);
            }
            catch (Exception ex) when (reused && SmtpConnection.IsLost(ex))
            {
                // The server closed a kept connection (its idle timeout) before it took this mail: once more on a fresh one.
                logger.LogInformation("SMTP connection to {Host}:{Port} was closed by the server; reconnecting", settings.Smtp.Host, settings.Smtp.Port);
                await _connection.ReconnectAsync(settings.Smtp, cancellationToken);
                await _connection.Client.SendAsync(mime, cancellationToken);
            }
            _connection.Used();
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            await _connection.CloseAsync();
            // RFC 5321: a 5yz reply is a permanent failure; sending the same mail again would get the same answer.
            logger.LogWarning(ex, "SMTP server {Host}:{Port} refused the mail for good", settings.Smtp.Host, settings.Smtp.Port);
            throw new MailDeliveryException($"The mail server {settings.Smtp.Host}:{settings.Smtp.Port} refused the mail: {ex.StatusCode} {ex.Message}", ex, permanent: true);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or System.Security.Authentication.AuthenticationException or SslHandshakeException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await _connection.CloseAsync();
            logger.LogWarning(ex, "SMTP delivery to {Host}:{Port} failed", settings.Smtp.Host, settings.Smtp.Port);
            throw new MailDeliveryException($"The mail server {settings.Smtp.Host}:{settings.Smtp.Port} did not accept the mail: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_connection is not null) pool.Return(_connection);
        _connection = null;
        return ValueTask.CompletedTask;
    }

    private MailboxAddress From(string text)
    {
        if (_from is not { } known || known.Text != text)
        {
            var parsed = MailboxAddress.Parse(text);
            _from = known = (text, parsed.Name, parsed.Address);
        }
        return new MailboxAddress(known.Name, known.Address);
    }

    private static MimeMessage Compose(DomainMail message, MailboxAddress from)
    {
        if (!MailboxAddress.TryParse(message.To, out var to) || to.Address.IndexOf('@') is <= 0 || to.Address.EndsWith('@'))
            throw new MailDeliveryException($"\"{message.To}\" is not a valid email address.", permanent: true);
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(from);
        mime.To.Add(to);
        MimeEntity body = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = message.TextBody },
            new TextPart(TextFormat.Html) { Text = message.HtmlBody },
        };
        if (message.Attachments is { Count: > 0 } files)
        {
            var mixed = new Multipart("mixed") { body };
            foreach (var file in files)
            {
                // The full content type stays (text/calendar; method=REQUEST): calendar apps look for the method there.
                // Base64 keeps the content byte for byte; iCalendar needs its CRLF line ends intact.
                mixed.Add(new MimePart(ContentType.Parse(file.ContentType))
                {
                    Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(file.Content))),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = file.FileName,
                });
            }
            body = mixed;
        }
        mime.Body = body;
        return mime;
    }
}
