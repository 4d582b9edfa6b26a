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

public enum OutboxChannel
{
    Email,
    /// <summary><see cref="OutboxMessage.Recipient"/> is an E.164 phone number and <see cref="OutboxMessage.TextBody"/> the text.</summary>
    Sms,
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
    public OutboxChannel Channel { get; private set; }
    /// <summary>For an SMS: where an email goes instead if the gateway refuses it for good.</summary>
    public string? FallbackEmail { get; private set; }
    /// <summary>For a masterclass reminder: the event it is about.</summary>
    public Guid? EventId { get; private set; }
    /// <summary>What kind of notification this is; null for messages queued before topics existed.</summary>
    public NotificationTopic? Topic { get; private set; }
    /// <summary>The person it is for, when known: their choices for <see cref="Topic"/> are checked again just before sending.</summary>
    public string? UserId { get; private set; }

    /// <summary>
    /// A mail due now. Pass the <paramref name="topic"/> and the recipient's <paramref name="userId"/> whenever the mail is
    /// for a person: the dispatcher then skips it if they have turned that topic off by email.
    /// </summary>
    public static OutboxMessage Mail(MailMessage message, DateTime nowUtc, NotificationTopic? topic = null, string? userId = null)
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
            Topic = topic,
            UserId = userId,
        };
    }

    public static OutboxMessage Reminder(MailMessage message, Guid sessionId, int minutesBefore, DateTime dueUtc, DateTime nowUtc,
        NotificationTopic? topic = null, string? userId = null)
    {
        var reminder = Mail(message, nowUtc, topic, userId);
        (reminder.Kind, reminder.SessionId, reminder.ReminderMinutes, reminder.NextAttemptUtc) = (OutboxKind.Reminder, sessionId, minutesBefore, dueUtc);
        return reminder;
    }

    /// <summary>
    /// A text message; <paramref name="label"/> names it in the delivery log and becomes the subject of the
    /// email sent to <paramref name="fallbackEmail"/> if the gateway refuses the text for good.
    /// </summary>
    public static OutboxMessage Sms(SmsMessage message, string label, string? fallbackEmail, DateTime nowUtc,
        NotificationTopic? topic = null, string? userId = null) => new()
    {
        Channel = OutboxChannel.Sms,
        Recipient = message.To,
        Subject = label,
        TextBody = message.Body,
        FallbackEmail = fallbackEmail,
        CreatedUtc = nowUtc,
        NextAttemptUtc = nowUtc,
        Topic = topic,
        UserId = userId,
    };

    /// <summary>Reminds a student of a masterclass, by SMS or email, due a set time before it starts.</summary>
    public static OutboxMessage EventReminder(OutboxMessage message, Guid eventId, int minutesBefore, DateTime dueUtc)
    {
        if (message.Id != 0 || message.Kind != OutboxKind.Notice) throw new ArgumentException("Make a reminder from a fresh message.", nameof(message));
        (message.Kind, message.EventId, message.ReminderMinutes, message.NextAttemptUtc) = (OutboxKind.Reminder, eventId, minutesBefore, dueUtc);
        return message;
    }

    /// <summary>A session reminder by SMS; see <see cref="Reminder"/>.</summary>
    public static OutboxMessage SmsReminder(SmsMessage message, string label, string fallbackEmail, Guid sessionId, int minutesBefore, DateTime dueUtc, DateTime nowUtc,
        NotificationTopic? topic = null, string? userId = null)
    {
        var reminder = Sms(message, label, fallbackEmail, nowUtc, topic, userId);
        (reminder.Kind, reminder.SessionId, reminder.ReminderMinutes, reminder.NextAttemptUtc) = (OutboxKind.Reminder, sessionId, minutesBefore, dueUtc);
        return reminder;
    }

    /// <summary>Who the message is for by email: the recipient of a mail, the fallback address of an SMS.</summary>
    public string? Email => Channel == OutboxChannel.Email ? Recipient : FallbackEmail;

    public SmsMessage ToSms() => Channel == OutboxChannel.Sms ? new(Recipient, TextBody) : throw new InvalidOperationException("Not an SMS.");

    /// <summary>
    /// The same news by email, for an SMS that can no longer go out; it keeps the reminder's session or event,
    /// so it is still skipped if that has started by the time it is sent. It keeps the topic, but the recipient's id
    /// only with <paramref name="keepRecipient"/>: a text that failed is news the person wanted by SMS, so their email
    /// choice must not stop it; a deliberate switch to email (phone removed) is checked against their choices again.
    /// A text not yet due keeps its due time.
    /// </summary>
    public OutboxMessage? EmailFallback(DateTime nowUtc, string note = "(We could not send this by SMS.)", bool keepRecipient = false)
    {
        if (Channel != OutboxChannel.Sms || FallbackEmail is null) return null;
        var mail = Mail(new MailMessage(FallbackEmail, Subject, $"{TextBody}\n\n{note}\n\n— PeerMentor",
            $"<p>{System.Net.WebUtility.HtmlEncode(TextBody)}</p><p>{System.Net.WebUtility.HtmlEncode(note)}</p><p>— PeerMentor</p>"), nowUtc, Topic, keepRecipient ? UserId : null);
        (mail.Kind, mail.SessionId, mail.EventId, mail.ReminderMinutes) = (Kind, SessionId, EventId, ReminderMinutes);
        if (NextAttemptUtc > nowUtc) mail.NextAttemptUtc = NextAttemptUtc;
        return mail;
    }

    public MailMessage ToMail() => new(Recipient, Subject, TextBody, HtmlBody,
        CalendarInvite is null ? null : [MailAttachment.Invite(CalendarInvite, CalendarMethod ?? "REQUEST")]);

    /// <summary>A queued reminder follows its rescheduled session: new due time, and a text that names the new time.</summary>
    public void Move(MailMessage message, DateTime dueUtc)
    {
        if (Kind != OutboxKind.Reminder || Status != DeliveryStatus.Queued) throw new InvalidOperationException("Only queued reminders move.");
        (Subject, TextBody, HtmlBody, NextAttemptUtc) = (message.Subject, message.TextBody, message.HtmlBody, dueUtc);
    }

    /// <summary>Like <see cref="Move(MailMessage, DateTime)"/>, taking the text from a freshly composed reminder on the same channel.</summary>
    public void Move(OutboxMessage replacement)
    {
        if (Kind != OutboxKind.Reminder || Status != DeliveryStatus.Queued || replacement.Channel != Channel)
            throw new InvalidOperationException("Only queued reminders move, and only on their own channel.");
        (Subject, TextBody, HtmlBody, NextAttemptUtc) = (replacement.Subject, replacement.TextBody, replacement.HtmlBody, replacement.NextAttemptUtc);
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

    /// <summary>The provider refused the message for good (e.g. an invalid number): retrying would fail the same way.</summary>
    public void MarkRejected(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        (LeaseOwner, LeaseUntilUtc) = (null, null);
        Status = DeliveryStatus.Dead;
    }

    public void Retry(DateTime nowUtc)
    {
        Status = DeliveryStatus.Queued;
        NextAttemptUtc = nowUtc;
        Attempts = 0;
    }
}
