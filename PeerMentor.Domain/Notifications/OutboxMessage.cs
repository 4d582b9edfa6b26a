namespace PeerMentor.Domain.Notifications;

public enum DeliveryStatus
{
    Queued,
    Sent,
    Dead,
    /// <summary>Deliberately not sent (a reminder for a cancelled or already started session); <see cref="OutboxMessage.SkipReason"/> says why.</summary>
    Skipped,
}

public enum OutboxKind
{
    /// <summary>Tells someone about a change; due as soon as it is written.</summary>
    Notice,
    /// <summary>Reminds one party of a booked session; due a set time before its start.</summary>
    Reminder,
}

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
    public OutboxKind Kind { get; private set; }
    public Guid? SessionId { get; private set; }
    /// <summary>For a reminder: how long before the session's start it is meant to arrive.</summary>
    public int? ReminderMinutes { get; private set; }
    public string? CalendarInvite { get; private set; }
    public string? CalendarMethod { get; private set; }
    public string? SkipReason { get; private set; }

    public static OutboxMessage Mail(MailMessage message, DateTime nowUtc)
    {
        // The outbox keeps one calendar invite per mail; anything else would be lost on the way to the dispatcher.
        if (message.Attachments?.Any(a => !a.IsCalendarInvite) == true || message.Attachments?.Count > 1)
            throw new ArgumentException("Only one calendar invite can be queued with a mail.", nameof(message));
        var invite = message.CalendarInvite;
        return new()
        {
            Recipient = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CalendarInvite = invite?.Content,
            CalendarMethod = invite?.CalendarMethod,
            CreatedUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        };
    }

    public static OutboxMessage Reminder(MailMessage message, Guid sessionId, int minutesBefore, DateTime dueUtc, DateTime nowUtc)
    {
        var reminder = Mail(message, nowUtc);
        (reminder.Kind, reminder.SessionId, reminder.ReminderMinutes, reminder.NextAttemptUtc) = (OutboxKind.Reminder, sessionId, minutesBefore, dueUtc);
        return reminder;
    }

    public MailMessage ToMail() => new(Recipient, Subject, TextBody, HtmlBody,
        CalendarInvite is null ? null : [MailAttachment.Invite(CalendarInvite, CalendarMethod ?? "REQUEST")]);

    /// <summary>A queued reminder follows its rescheduled session: new due time, and a text that names the new time.</summary>
    public void Move(MailMessage message, DateTime dueUtc)
    {
        if (Kind != OutboxKind.Reminder || Status != DeliveryStatus.Queued) throw new InvalidOperationException("Only queued reminders move.");
        (Subject, TextBody, HtmlBody, NextAttemptUtc) = (message.Subject, message.TextBody, message.HtmlBody, dueUtc);
    }

    public void Skip(string reason)
    {
        if (Status != DeliveryStatus.Queued) throw new InvalidOperationException("Only queued mail can be skipped.");
        Status = DeliveryStatus.Skipped;
        SkipReason = reason;
        (LeaseOwner, LeaseUntilUtc) = (null, null);
    }

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
