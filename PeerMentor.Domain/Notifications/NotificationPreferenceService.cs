using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;

namespace PeerMentor.Domain.Notifications;

/// <summary>A person's own notification choices, and taking away their phone; both only ever for the person asking.</summary>
public sealed class NotificationPreferenceService(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string PhoneRemoved = "the recipient removed their phone";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<NotificationChoices> GetAsync(string userId) => NotificationChoices.ForAsync(db, userId);

    /// <summary>
    /// Saves the given topics' choices (others stay as they were; security mail stays on whatever is sent). Texts already
    /// queued for a topic whose SMS is now off go by email instead when email is wanted; queued mail of a topic now off
    /// is skipped by the dispatcher.
    /// </summary>
    public async Task<Result> SaveAsync(string userId, IReadOnlyDictionary<NotificationTopic, ChannelChoice> choices)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.DeletedUtc == null)) return Result.Missing("Your account");
        var saved = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Topic);
        foreach (var (topic, choice) in choices.Where(c => NotificationTopics.Of(c.Key).CanTurnOff))
        {
            if (!saved.TryGetValue(topic, out var row)) db.NotificationPreferences.Add(saved[topic] = row = NotificationPreference.For(userId, topic));
            row.Choose(choice);
        }
        var smsOff = saved.Values.Where(p => !p.Sms).Select(p => (NotificationTopic?)p.Topic).ToList();
        foreach (var text in await db.Outbox.Where(m => m.UserId == userId && m.Status == DeliveryStatus.Queued && m.Channel == OutboxChannel.Sms
            && smsOff.Contains(m.Topic)).ToListAsync())
        {
            text.Skip(NotificationTopics.TurnedOff);
            if (saved[text.Topic!.Value].Email && text.EmailFallback(Now, "(You chose email instead of SMS for this.)", keepRecipient: true) is { } mail) db.Outbox.Add(mail);
        }
        await db.SaveChangesAsync();
        return Result.Ok();
    }

    /// <summary>Forgets the verified phone: no more texts, and those already queued go by email instead.</summary>
    public async Task<Result> RemovePhoneAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted) return Result.Missing("Your account");
        if (string.IsNullOrEmpty(user.PhoneNumber)) return Result.Ok();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var email = user.Email;
        foreach (var text in await db.Outbox.Where(m => m.Status == DeliveryStatus.Queued && m.Channel == OutboxChannel.Sms
            && (m.UserId == userId || (m.UserId == null && m.FallbackEmail == email))).ToListAsync())
        {
            text.Skip(PhoneRemoved);
            if (text.EmailFallback(Now, "(You removed your phone, so this comes by email.)", keepRecipient: true) is { } mail) db.Outbox.Add(mail);
        }
        // Also renews the security stamp and saves the outbox changes above with it.
        var removed = await users.SetPhoneNumberAsync(user, null);
        if (!removed.Succeeded) return RegistrationService.ToResult(removed);
        await transaction.CommitAsync();
        return Result.Ok();
    }
}
