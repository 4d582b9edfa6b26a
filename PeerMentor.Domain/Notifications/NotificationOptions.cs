namespace PeerMentor.Domain.Notifications;

public sealed class NotificationOptions
{
    public static readonly IReadOnlyList<int> DefaultReminderMinutes = [24 * 60, 15];

    /// <summary>
    /// How long before an accepted session each party is reminded. Null means the defaults: binding a
    /// configured array onto a non-empty default would append to it rather than replace it.
    /// </summary>
    public int[]? ReminderMinutes { get; set; }

    /// <summary>
    /// The session reminder with this lead goes by SMS to people with a verified phone, and every masterclass
    /// is texted this long before it starts; a text that arrives an hour ahead is easy to forget.
    /// </summary>
    public int SmsReminderMinutes { get; set; } = 15;

    /// <summary>A booked session cancelled or moved less than this many hours before its start is also texted (to those who want it).</summary>
    public int UrgentChangeHours { get; set; } = 24;

    public IReadOnlyList<int> Reminders => ReminderMinutes ?? DefaultReminderMinutes;
}

/// <summary>
/// The Email section as the domain needs it: the address every mail is sent from. A program has no mailbox, so its
/// events' invites name this no-reply address as organizer (the same one the mail comes from, which calendar apps expect).
/// </summary>
public sealed class MailSenderOptions
{
    public string From { get; set; } = "PeerMentor <no-reply@peermentor.local>";

    /// <summary>The bare address of <see cref="From"/> (a method, so the configuration binder never reads it).</summary>
    public string Address() => new System.Net.Mail.MailAddress(From).Address;
}
