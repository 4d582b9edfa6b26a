namespace PeerMentor.Domain.Notifications;

/// <summary>An email as the app composed it: what an SMTP server receives, or what the in-app viewer shows.</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string HtmlBody, IReadOnlyList<MailAttachment>? Attachments = null)
{
    public MailAttachment? CalendarInvite => Attachments?.FirstOrDefault(a => a.IsCalendarInvite);
}

/// <summary>A text attachment; <see cref="ContentType"/> is the full media type with its parameters.</summary>
public sealed record MailAttachment(string FileName, string ContentType, string Content)
{
    private const string CalendarType = "text/calendar";

    /// <summary>An iCalendar invitation; calendar apps need the method in the content type as well as in the file.</summary>
    public static MailAttachment Invite(string ics, string method) => new("invite.ics", $"{CalendarType}; method={method}; charset=utf-8", ics);

    public bool IsCalendarInvite => ContentType.StartsWith(CalendarType, StringComparison.OrdinalIgnoreCase);

    public string? CalendarMethod => IsCalendarInvite
        ? ContentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("method=", StringComparison.OrdinalIgnoreCase))?["method=".Length..]
        : null;
}

/// <summary>The boundary to whatever delivers email (SMTP, or the in-app viewer in development).</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A mail (or, with <see cref="Channel"/> Sms, a text message) kept for the in-app viewer instead of being sent.</summary>
public class SentMail
{
    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string? CalendarInvite { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public OutboxChannel Channel { get; private set; }

    public static SentMail From(SmsMessage message, DateTime nowUtc) => new()
    {
        Channel = OutboxChannel.Sms,
        To = message.To,
        Subject = message.Body.Length > 60 ? message.Body[..60] + "…" : message.Body,
        TextBody = message.Body,
        CreatedUtc = nowUtc,
    };

    public static SentMail From(MailMessage message, DateTime nowUtc) => new()
    {
        To = message.To,
        Subject = message.Subject,
        TextBody = message.TextBody,
        HtmlBody = message.HtmlBody,
        CalendarInvite = message.CalendarInvite?.Content,
        CreatedUtc = nowUtc,
    };
}

/// <summary>Thrown by an <see cref="IMailSender"/> when the mail could not be handed to the mail system.</summary>
/// <summary>The mail could not be handed over; <paramref name="permanent"/> when trying again would fail the same way (a bad address, a 5xx answer).</summary>
public sealed class MailDeliveryException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
