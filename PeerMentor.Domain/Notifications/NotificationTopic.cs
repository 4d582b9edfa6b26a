namespace PeerMentor.Domain.Notifications;

/// <summary>A kind of notification; each person chooses per topic which channels they want.</summary>
public enum NotificationTopic
{
    AccountSecurity,
    SessionUpdates,
    SessionReminders,
    NewSlots,
    ProgramNews,
    MasterclassReminders,
    Reviews,
}

/// <summary>
/// What a topic covers and how it starts out. <see cref="SmsPossible"/> marks the topics that ever go by SMS
/// (reminders and urgent session changes); the others are email only.
/// </summary>
public sealed record TopicInfo(NotificationTopic Topic, string Label, string Covers, bool CanTurnOff, bool SmsPossible)
{
    /// <summary>Email for everything; SMS, where a topic can go by SMS at all (it still needs a verified phone).</summary>
    public ChannelChoice Default => new(Email: true, Sms: SmsPossible);
}

/// <summary>The channels a person wants for one topic.</summary>
public readonly record struct ChannelChoice(bool Email, bool Sms)
{
    public bool Off => !Email && !Sms;
}

public static class NotificationTopics
{
    /// <summary>Why the dispatcher skipped a message the recipient no longer wants.</summary>
    public const string TurnedOff = "turned off by the recipient";

    public static readonly IReadOnlyList<TopicInfo> All =
    [
        new(NotificationTopic.AccountSecurity, "Account and security", "Email confirmation, password reset, registration approved or rejected", CanTurnOff: false, SmsPossible: false),
        new(NotificationTopic.SessionUpdates, "Session updates", "Requested, accepted, rejected, cancelled, moved or expired sessions; by SMS only when a booked session is cancelled or moved less than a day ahead", CanTurnOff: true, SmsPossible: true),
        new(NotificationTopic.SessionReminders, "Session reminders", "A day and 15 minutes before each session; the 15-minute one by SMS when you want it", CanTurnOff: true, SmsPossible: true),
        new(NotificationTopic.NewSlots, "New slots", "Your mentor published new session slots", CanTurnOff: true, SmsPossible: false),
        new(NotificationTopic.ProgramNews, "Program news", "Announcements, masterclasses and events, resources, assignments, your mentor group", CanTurnOff: true, SmsPossible: false),
        new(NotificationTopic.MasterclassReminders, "Masterclass reminders", "15 minutes before each masterclass of your program, and a text when one is moved or cancelled less than a day ahead", CanTurnOff: true, SmsPossible: true),
        new(NotificationTopic.Reviews, "Reviews", "Weekly reviews, buddy pairing, probation", CanTurnOff: true, SmsPossible: false),
    ];

    public static TopicInfo Of(NotificationTopic topic) => All.First(t => t.Topic == topic);
}
