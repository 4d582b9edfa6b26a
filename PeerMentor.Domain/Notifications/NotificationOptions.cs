namespace PeerMentor.Domain.Notifications;

public sealed class NotificationOptions
{
    public static readonly IReadOnlyList<int> DefaultReminderMinutes = [24 * 60, 15];

    /// <summary>
    /// How long before an accepted session each party is reminded. Null means the defaults: binding a
    /// configured array onto a non-empty default would append to it rather than replace it.
    /// </summary>
    public int[]? ReminderMinutes { get; set; }

    public IReadOnlyList<int> Reminders => ReminderMinutes ?? DefaultReminderMinutes;
}
