using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Accounts;

/// <summary>Where an approved person goes: a program and, for a mentor, the most students they take.</summary>
public sealed record ProgramPlacement(Guid ProgramId, int MentorCapacity = 10);

public sealed record UserProfileInput(string DisplayName, string TimeZoneId, int YearsOfExperience, string Expertise, string Role);

/// <summary>What an admin does to accounts: decide on registrations, edit and delete people.</summary>
public sealed class AccountAdminService(AppDbContext db, UserManager<AppUser> users, TimeProvider clock,
    SessionService sessions, ProgramService programs)
{
    /// <summary>Why a deleted person's queued messages are skipped and why they left their programs.</summary>
    public const string DeletedSkipReason = "The account was deleted.";

    /// <summary>
    /// Approves the person with a role and, when <paramref name="placement"/> names a program, places them in it in the
    /// same transaction: a full program refuses the whole approval, so nothing is half done.
    /// </summary>
    public async Task<Result> ApproveAsync(string userId, string role, AccountLinks links, ProgramPlacement? placement = null,
        CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role)) return Result.Fail("Role", "Choose student, mentor or admin.");
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted) return Result.Missing("That person");
        if (!user.EmailConfirmed) return Result.Fail("", $"{user.DisplayName} has not confirmed their email yet.");
        var now = clock.GetUtcNow().UtcDateTime;
        string? programName = null;
        if (placement is not null)
        {
            var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placement.ProgramId, cancellationToken);
            if (program is null || !program.IsOpen(DateOnly.FromDateTime(now))) return Result.Fail("Program", "That program has ended or no longer exists; choose another.");
            programName = program.Name;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.Approve(now);
        var outcome = await SetRoleAsync(user, role);
        if (!outcome.Succeeded) return outcome;
        // Placed as the program page adds people (capacity, upcoming events), inside this transaction: a refusal undoes the approval.
        if (placement is not null)
        {
            var placed = await programs.AddMemberAsync(placement.ProgramId, user.Id, placement.MentorCapacity);
            if (!placed.Succeeded) return Result.Fail("Program", placed.Summary);
        }
        await QueueAsync(AccountEmails.Approved(user, role, links.SignIn(), programName), user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> RejectAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Result.Fail("Reason", "Give the person a reason.");
        if (reason.Length > 1000) return Result.Fail("Reason", "Use at most 1000 characters.");
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted) return Result.Missing("That person");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.Reject(reason, clock.GetUtcNow().UtcDateTime);
        var outcome = await SetRoleAsync(user, role: null);
        if (!outcome.Succeeded) return outcome;
        await QueueAsync(AccountEmails.Rejected(user, user.RejectionReason!), user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> UpdateAsync(string userId, UserProfileInput input, string actingAdminId)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(input.DisplayName)) result.Add("DisplayName", "Enter a name.");
        if (input.DisplayName.Length > 100) result.Add("DisplayName", "Use at most 100 characters.");
        if (!TimeZones.IsValidIana(input.TimeZoneId)) result.Add("TimeZoneId", "Choose a time zone from the list, such as Europe/Berlin.");
        if (input.YearsOfExperience is < 0 or > RegistrationService.MaxExperienceYears)
            result.Add("YearsOfExperience", $"Enter a number of years from 0 to {RegistrationService.MaxExperienceYears}.");
        if (input.Expertise.Length > 500) result.Add("Expertise", "Use at most 500 characters.");
        if (!Roles.IsKnown(input.Role)) result.Add("Role", "Choose student, mentor or admin.");
        if (!result.Succeeded) return result;

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted) return Result.Missing("That person");
        if (user.Id == actingAdminId && input.Role != Roles.Admin)
            return Result.Fail("Role", "You cannot take away your own admin role; ask another admin.");

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.UpdateProfile(input.DisplayName, input.TimeZoneId, input.YearsOfExperience, input.Expertise);
        var outcome = user.Approval == ApprovalStatus.Approved ? await SetRoleAsync(user, input.Role) : await SaveAsync(user);
        if (!outcome.Succeeded) return outcome;
        await transaction.CommitAsync();
        return Result.Ok();
    }

    /// <summary>
    /// Anonymises rather than deletes the row (see <see cref="AppUser.Anonymise"/>), so other people's
    /// history stays whole; the person's sign-ins, roles and external logins are removed. Their upcoming
    /// sessions are cancelled (the other person is told), a mentor's students move to the program's other
    /// mentors, a student leaves their programs, and nothing more is sent to them.
    /// </summary>
    public async Task<Result> DeleteAsync(string userId, string actingAdminId)
    {
        if (userId == actingAdminId) return Result.Fail("", "You cannot delete your own account here.");
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.IsDeleted) return Result.Missing("That person");
        var now = clock.GetUtcNow().UtcDateTime;
        var (email, phone) = (user.Email, user.PhoneNumber);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var upcoming = await db.Sessions.Where(s => (s.MentorId == userId || s.StudentId == userId)
            && (s.Status == SessionStatus.Requested || s.Status == SessionStatus.Accepted) && s.EndUtc > now).Select(s => s.Id).ToListAsync();
        foreach (var sessionId in upcoming)
        {
            var cancelled = await sessions.CancelAsync(actingAdminId, sessionId, $"{user.DisplayName} is no longer on PeerMentor.", asAdmin: true);
            if (!cancelled.Succeeded) return cancelled;
        }
        foreach (var membership in await db.ProgramMembers.AsNoTracking().Where(m => m.UserId == userId && m.LeftUtc == null).ToListAsync())
        {
            if (membership.Role == Roles.Mentor)
            {
                var (moved, _) = await programs.RemoveMentorAsync(membership.ProgramId, userId);
                if (!moved.Succeeded) return moved;
            }
            else await db.ProgramMembers.Where(m => m.Id == membership.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeftUtc, now).SetProperty(m => m.LeftReason, DeletedSkipReason));
        }
        foreach (var message in await db.Outbox.Where(m => m.Status == DeliveryStatus.Queued
            && (m.UserId == userId || m.Recipient == email || m.FallbackEmail == email || (phone != null && m.Recipient == phone))).ToListAsync())
            message.Skip(DeletedSkipReason);
        await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync();
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync();
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync();
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync();
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync();
        user.Anonymise(clock.GetUtcNow().UtcDateTime);
        var outcome = await SaveAsync(user);
        if (!outcome.Succeeded) return outcome;
        await transaction.CommitAsync();
        return Result.Ok();
    }

    private async Task<Result> SetRoleAsync(AppUser user, string? role)
    {
        var current = await users.GetRolesAsync(user);
        var toRemove = current.Where(r => r != role).ToArray();
        if (toRemove.Length > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, toRemove);
            if (!removed.Succeeded) return RegistrationService.ToResult(removed);
        }
        if (role is not null && !current.Contains(role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded) return RegistrationService.ToResult(added);
        }
        return await SaveAsync(user);
    }

    /// <summary>Account mail goes through the outbox in the decision's transaction, so a down mail server never loses it.</summary>
    private async Task QueueAsync(MailMessage message, string userId, CancellationToken cancellationToken)
    {
        db.Outbox.Add(OutboxMessage.Mail(message, clock.GetUtcNow().UtcDateTime, NotificationTopic.AccountSecurity, userId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves and renews the security stamp, so the person's open sessions pick up the change within a minute.</summary>
    private async Task<Result> SaveAsync(AppUser user)
    {
        var updated = await users.UpdateSecurityStampAsync(user);
        return updated.Succeeded ? Result.Ok() : RegistrationService.ToResult(updated);
    }
}
