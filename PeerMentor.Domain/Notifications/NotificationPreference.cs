using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;

namespace PeerMentor.Domain.Notifications;

/// <summary>One person's saved choice for one topic; a topic without a row has its <see cref="TopicInfo.Default"/>.</summary>
public class NotificationPreference
{
    public string UserId { get; private set; } = "";
    public NotificationTopic Topic { get; private set; }
    public bool Email { get; private set; }
    public bool Sms { get; private set; }

    public static NotificationPreference For(string userId, NotificationTopic topic) => new() { UserId = userId, Topic = topic };

    /// <summary>Security mail cannot be turned off, and SMS is stored only for topics that ever go by SMS.</summary>
    public void Choose(ChannelChoice choice)
    {
        var info = NotificationTopics.Of(Topic);
        Email = choice.Email || !info.CanTurnOff;
        Sms = choice.Sms && info.SmsPossible;
    }

    public ChannelChoice Choice => new(Email, Sms);
}

/// <summary>A person's choices for every topic, defaults filled in.</summary>
public sealed class NotificationChoices(IReadOnlyDictionary<NotificationTopic, ChannelChoice> saved)
{
    public static readonly NotificationChoices Defaults = new(new Dictionary<NotificationTopic, ChannelChoice>());

    public ChannelChoice this[NotificationTopic topic]
    {
        get
        {
            var info = NotificationTopics.Of(topic);
            if (!info.CanTurnOff) return info.Default;
            return saved.TryGetValue(topic, out var choice) ? choice : info.Default;
        }
    }

    /// <summary>The number to text about this topic: the person wants SMS for it and has a verified phone; null otherwise.</summary>
    public string? SmsTo(AppUser person, NotificationTopic topic) => this[topic].Sms ? person.VerifiedPhone : null;

    /// <summary>The choices of each of these people (everyone gets an entry, with defaults where nothing is saved).</summary>
    public static async Task<Dictionary<string, NotificationChoices>> ForAsync(AppDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var rows = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToListAsync(cancellationToken);
        return ids.ToDictionary(id => id, id => new NotificationChoices(rows.Where(r => r.UserId == id).ToDictionary(r => r.Topic, r => r.Choice)));
    }

    public static async Task<NotificationChoices> ForAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        (await ForAsync(db, [userId], cancellationToken))[userId];

    /// <summary>
    /// Checked again just before sending, so a choice made after a message was queued still counts. Email is also
    /// allowed when the person wants SMS for the topic but has no verified phone: email takes over for the texts.
    /// Null when the message may go; otherwise why not.
    /// </summary>
    public static async Task<string?> WhyNotSendAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        if (message.UserId is not { } userId || message.Topic is not { } topic || !NotificationTopics.Of(topic).CanTurnOff) return null;
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Topic == topic)
            .Select(p => new { p.Email, p.Sms }).FirstOrDefaultAsync(cancellationToken);
        var choice = saved is null ? NotificationTopics.Of(topic).Default : new ChannelChoice(saved.Email, saved.Sms);
        if (message.Channel == OutboxChannel.Sms) return choice.Sms ? null : NotificationTopics.TurnedOff;
        if (choice.Email) return null;
        if (!choice.Sms) return NotificationTopics.TurnedOff;
        var hasPhone = await db.Users.AnyAsync(u => u.Id == userId && u.PhoneNumberConfirmed && u.PhoneNumber != null && u.PhoneNumber != "", cancellationToken);
        return hasPhone ? NotificationTopics.TurnedOff : null;
    }
}
