using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Reviews;

/// <summary>This week's proposals; <paramref name="PairedAlready"/> when this week's buddies were confirmed before (they stay as they are).</summary>
public sealed record AutomationProposals(DateOnly Week, IReadOnlyList<BuddyProposal> Pairs, IReadOnlyList<ProbationProposal> Probation,
    IReadOnlyList<RemovalProposal> Removals, bool PairedAlready)
{
    public bool IsEmpty => Pairs.Count == 0 && Probation.Count == 0 && Removals.Count == 0;
}

/// <summary>
/// Buddy pairing, probation and removal from review points: proposals first, applied when an admin confirms,
/// or once a week by <see cref="ApplyDueAsync"/> for programs that apply them by themselves.
/// </summary>
public sealed class AutomationService(AppDbContext db, TimeProvider clock, PeerMentor.Domain.Programs.ProgramEventService events)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<AutomationProposals?> ProposeAsync(Guid programId)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId);
        if (program is null) return null;
        var week = WeeklyReview.WeekOf(DateOnly.FromDateTime(Now));
        var standings = await StandingsAsync(programId);
        var lastWeek = (await db.Set<BuddyPair>().AsNoTracking().Where(p => p.ProgramId == programId && p.Week == week.AddDays(-7))
            .Select(p => new { p.StudentA, p.StudentB }).ToListAsync()).Select(p => (p.StudentA, p.StudentB)).ToHashSet();
        var onProbation = (await db.ProgramMembers.Where(m => m.ProgramId == programId && m.LeftUtc == null && m.ProbationReason != null)
            .Select(m => m.UserId).ToListAsync()).ToHashSet();
        var removals = ReviewAutomations.Removal(standings.Where(s => onProbation.Contains(s.StudentId)).ToList(), program.ProbationThreshold, program.RemovalWeeks);
        var staying = standings.Where(s => removals.All(r => r.StudentId != s.StudentId)).ToList();
        var pairedAlready = await db.Set<BuddyPair>().AnyAsync(p => p.ProgramId == programId && p.Week == week);
        return new AutomationProposals(week, pairedAlready ? [] : ReviewAutomations.PairBuddies(staying, lastWeek),
            ReviewAutomations.Probation(staying.Where(s => !onProbation.Contains(s.StudentId)).ToList(), program.ProbationThreshold, program.ProbationWeeks),
            removals, pairedAlready);
    }

    /// <summary>Applies the proposals as they stand now and tells each affected student why.</summary>
    public async Task<Result> ConfirmAsync(Guid programId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await ApplyAsync(programId);
        if (result.Succeeded) await transaction.CommitAsync();
        return result;
    }

    /// <summary>
    /// For running programs that apply automations by themselves: applies this week's proposals once.
    /// Each program's week is claimed with a conditional update first, so with two app instances a
    /// second claim waits for the first transaction and then finds the week taken.
    /// </summary>
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(Now);
        var week = WeeklyReview.WeekOf(today);
        var due = await db.Programs.AsNoTracking()
            .Where(p => p.AppliesAutomationsItself && p.StartsOn <= today && p.EndsOn >= today && (p.AutomatedWeek == null || p.AutomatedWeek < week))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var programId in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Programs.Where(p => p.Id == programId && (p.AutomatedWeek == null || p.AutomatedWeek < week))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.AutomatedWeek, week), cancellationToken);
            if (claimed == 0) continue;
            await ApplyAsync(programId);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            applied++;
        }
        return applied;
    }

    private async Task<Result> ApplyAsync(Guid programId)
    {
        var proposals = await ProposeAsync(programId);
        if (proposals is null) return Result.Missing("That program");
        var program = await db.Programs.Include(p => p.Members).FirstAsync(p => p.Id == programId);
        var memberIds = program.Members.Select(m => m.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        foreach (var pair in proposals.Pairs)
        {
            db.Add(new BuddyPair(programId, proposals.Week, pair.StudentA, pair.StudentB, pair.Reason));
            foreach (var (me, buddy) in new[] { (pair.StudentA, pair.StudentB), (pair.StudentB, pair.StudentA) })
                Mail(people[me], $"Your buddy this week: {people[buddy].DisplayName}", pair.Reason, NotificationTopic.Reviews);
        }
        foreach (var probation in proposals.Probation)
        {
            program.Active.Single(m => m.UserId == probation.StudentId).PutOnProbation(probation.Reason);
            Mail(people[probation.StudentId], $"You are on probation in {program.Name}", probation.Reason + " Talk to your mentor about a plan for the coming weeks.", NotificationTopic.Reviews);
        }
        foreach (var removal in proposals.Removals)
        {
            program.RemoveStudent(removal.StudentId, removal.Reason, Now);
            // Leaving a program is not news one may opt out of, hence the account topic.
            Mail(people[removal.StudentId], $"You have been removed from {program.Name}", removal.Reason + " If you think this is a mistake, reply to your program's organisers.", NotificationTopic.AccountSecurity);
        }
        await events.ForgetRemindersAsync(programId, proposals.Removals.Select(r => r.StudentId).ToList());
        program.MarkAutomated(proposals.Week);
        await db.SaveChangesAsync();
        return Result.Ok();
    }

    private void Mail(AppUser to, string subject, string text, NotificationTopic topic) => db.Outbox.Add(OutboxMessage.Mail(new MailMessage(to.Email!, subject,
        $"Hi {to.DisplayName},\n\n{text}\n\n— PeerMentor",
        $"<p>Hi {System.Net.WebUtility.HtmlEncode(to.DisplayName)},</p><p>{System.Net.WebUtility.HtmlEncode(text)}</p><p>— PeerMentor</p>"), Now, topic, to.Id));

    private async Task<List<StudentStanding>> StandingsAsync(Guid programId)
    {
        var students = await db.ProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId && m.LeftUtc == null && m.Role == Roles.Student)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync();
        var reviews = await db.Set<WeeklyReview>().AsNoTracking().Where(r => r.ProgramId == programId).ToListAsync();
        return students.Select(s => new StudentStanding(s.UserId, s.DisplayName,
            reviews.Where(r => r.StudentId == s.UserId).OrderByDescending(r => r.Week).Select(r => (r.Week, r.Average)).ToList())).ToList();
    }
}
