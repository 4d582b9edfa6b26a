namespace PeerMentor.Domain.Notifications;

public enum DeliveryStatus { Queued, Sent, Dead }

/// <summary>
/// A mail waiting to go out, written in the same transaction as the change that causes it: a
/// rolled-back change sends nothing and a committed one is never forgotten. The dispatcher claims
/// a message with a lease, so one instance sends it even when several run.
/// </summary>
public class OutboxMessage
{
    public const int MaxAttempts = 8;

    public long Id { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public string? LastError { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }

    public static OutboxMessage Mail(MailMessage message, DateTime nowUtc) => new()
    {
        Recipient = message.To,
        Subject = message.Subject,
        TextBody = message.TextBody,
        HtmlBody = message.HtmlBody,
        CreatedUtc = nowUtc,
        NextAttemptUtc = nowUtc,
    };

    public MailMessage ToMail() => new(Recipient, Subject, TextBody, HtmlBody);

    public void MarkSent(DateTime nowUtc)
    {
        Status = DeliveryStatus.Sent;
        SentUtc = nowUtc;
        Attempts++;
        (LeaseOwner, LeaseUntilUtc, LastError) = (null, null, null);
    }

    /// <summary>Retries with exponential backoff (30 s, 1 min, 2 min, … capped at 1 h), then gives up with the reason kept.</summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        (LeaseOwner, LeaseUntilUtc) = (null, null);
        if (Attempts >= MaxAttempts) { Status = DeliveryStatus.Dead; return; }
        NextAttemptUtc = nowUtc + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Attempts - 1)));
    }

    public void Retry(DateTime nowUtc)
    {
        Status = DeliveryStatus.Queued;
        NextAttemptUtc = nowUtc;
        Attempts = 0;
    }
}
