using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Matching;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Domain.Programs;

public sealed record ProgramInput(string Name, DateOnly StartsOn, DateOnly EndsOn, int Capacity);

/// <summary>How review points turn into probation and removal, and whether the weekly job applies proposals itself.</summary>
public sealed record AutomationSettings(double ProbationThreshold, int ProbationWeeks, int RemovalWeeks, bool AppliesItself);

/// <summary>Programs, their people, fair mentor assignment and the announcements board. Admin actions.</summary>
public sealed class ProgramService(AppDbContext db, TimeProvider clock, ProgramEventService events)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(Result Result, Guid? Id)> CreateAsync(ProgramInput input)
    {
        var (result, program) = MentoringProgram.Create(input.Name, input.StartsOn, input.EndsOn, input.Capacity, Now);
        if (program is null) return (result, null);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return (result, program.Id);
    }

    public async Task<Result> AddMemberAsync(Guid programId, string userId, int mentorCapacity = 10)
    {
        var program = await LoadAsync(programId);
        if (program is null) return Result.Missing("That program");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DeletedUtc == null && u.Approval == ApprovalStatus.Approved);
        if (user is null) return Result.Missing("That person");
        var role = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync();
        var added = program.Add(user, role ?? "", mentorCapacity, Now);
        if (!added.Succeeded) return added;
        if (role == Roles.Student) await events.CatchUpAsync(program, [userId]);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>What "assign" would do now; writes nothing.</summary>
    public async Task<AssignmentResult?> PreviewAsync(Guid programId)
    {
        var program = await LoadAsync(programId);
        return program is null ? null : await PlanAsync(program);
    }

    /// <summary>
    /// Places every student without a mentor; students who already have one stay, so a late joiner
    /// never reshuffles a group. Each placed student and each mentor who gained students is emailed.
    /// </summary>
    public async Task<(Result Result, AssignmentResult? Plan)> AssignAsync(Guid programId)
    {
        // Two admins (or API clients) assigning at once: the second waits, then finds the students placed and places nobody twice.
        await using var transaction = await LockAssignmentAsync(programId);
        var program = await LoadAsync(programId);
        if (program is null) return (Result.Missing("That program"), null);
        var plan = await PlanAsync(program);
        await ApplyAsync(program, plan);
        await CommitAsync(transaction);
        return (Result.Ok(), plan);
    }

    /// <summary>The preview with one of its new students moved to another mentor and its figures recomputed; writes nothing.</summary>
    public async Task<(Result Result, AssignmentResult? Plan)> MoveInPreviewAsync(Guid programId, AssignmentResult preview, string studentId, string mentorId)
    {
        var program = await LoadAsync(programId);
        if (program is null) return (Result.Missing("That program"), null);
        var (instance, name) = await InstanceAsync(program);
        return PlanAdjustment.Move(instance, preview, studentId, mentorId, name);
    }

    /// <summary>
    /// Applies a preview as the admin left it, adjusted or not, after checking it against the program now: the plan
    /// comes from the page, so capacities, exclusions and who is still without a mentor are checked again here.
    /// Mails go out as for <see cref="AssignAsync(Guid)"/>.
    /// </summary>
    public async Task<(Result Result, AssignmentResult? Plan)> AssignAsync(Guid programId, AssignmentResult preview)
    {
        // Two admins confirming at once: the second waits, then finds the students placed and is refused.
        await using var transaction = await LockAssignmentAsync(programId);
        var program = await LoadAsync(programId);
        if (program is null) return (Result.Missing("That program"), null);
        var (instance, name) = await InstanceAsync(program);
        var (result, plan) = PlanAdjustment.Check(instance, preview, name);
        if (plan is null) return (result, null);
        await ApplyAsync(program, plan);
        await CommitAsync(transaction);
        return (result, plan);
    }

    /// <summary>
    /// What removing a mentor would do, for the admin to confirm: who of their students moves to whom, and who waits
    /// for lack of room; writes nothing.
    /// </summary>
    public async Task<MentorRemoval?> PreviewRemoveMentorAsync(Guid programId, string mentorId)
    {
        // Untracked, so the removal rehearsed on it can never be saved.
        var program = await LoadAsync(programId, tracked: false);
        if (program is null || !IsMentorIn(program, mentorId)) return null;
        var (_, plan, name) = await PlanRemovalAsync(program, mentorId);
        return MentorRemoval.Describe(mentorId, plan, name);
    }

    /// <summary>
    /// A mentor leaves the program; only their own students are spread over the others (and never given back to them),
    /// students still waiting for a mentor wait for "assign". Under the assignment lock, so it cannot interleave with one.
    /// </summary>
    public async Task<(Result Result, AssignmentResult? Plan)> RemoveMentorAsync(Guid programId, string mentorId)
    {
        await using var transaction = await LockAssignmentAsync(programId);
        var program = await LoadAsync(programId);
        if (program is null) return (Result.Missing("That program"), null);
        if (!IsMentorIn(program, mentorId)) return (Result.Missing("That mentor"), null);
        var (orphans, plan, _) = await PlanRemovalAsync(program, mentorId);
        await events.ForgetRemindersAsync(program.Id, orphans.Select(o => o.UserId).ToList(), groupMentorId: mentorId);
        await ApplyAsync(program, plan);
        await CommitAsync(transaction);
        return (Result.Ok(), plan);
    }

    /// <summary>A mentor's capacity, never below the students they have now; under the assignment lock, so "assign" cannot overfill it meanwhile.</summary>
    public async Task<Result> SetMentorCapacityAsync(Guid programId, string mentorId, int capacity)
    {
        await using var transaction = await LockAssignmentAsync(programId);
        var program = await LoadAsync(programId);
        if (program is null) return Result.Missing("That program");
        if (!IsMentorIn(program, mentorId)) return Result.Missing("That mentor");
        var name = await db.Users.Where(u => u.Id == mentorId).Select(u => u.DisplayName).SingleAsync();
        var result = program.SetMentorCapacity(mentorId, name, capacity);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync();
        await CommitAsync(transaction);
        return result;
    }

    private static bool IsMentorIn(MentoringProgram program, string mentorId) => program.Active.Any(m => m.UserId == mentorId && m.Role == Roles.Mentor);

    /// <summary>Removes the mentor from <paramref name="program"/> (in memory) and plans where their students go.</summary>
    private async Task<(IReadOnlyList<ProgramMember> Orphans, AssignmentResult Plan, Func<string, string> Name)> PlanRemovalAsync(MentoringProgram program, string mentorId)
    {
        var orphans = program.RemoveMentor(mentorId, Now);
        var (instance, name) = await InstanceAsync(program, orphans.Select(o => o.UserId).ToHashSet());
        return (orphans, instance.Solve(), name);
    }

    /// <summary>Name, dates, capacity and the review rubric together: all are saved, or nothing is.</summary>
    public async Task<Result> UpdateAsync(Guid programId, ProgramInput input, IReadOnlyList<string> criteria)
    {
        var program = await db.Programs.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == programId);
        if (program is null) return Result.Missing("That program");
        var result = program.Update(input.Name, input.StartsOn, input.EndsOn, input.Capacity);
        foreach (var message in program.SetCriteria(criteria).For("Criteria")) result.Add("Criteria", message);
        if (result.Succeeded) await db.SaveChangesAsync();
        return result;
    }

    public async Task<Result> SetAutomationsAsync(Guid programId, AutomationSettings settings)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId);
        if (program is null) return Result.Missing("That program");
        var result = program.SetAutomations(settings.ProbationThreshold, settings.ProbationWeeks, settings.RemovalWeeks, settings.AppliesItself);
        if (result.Succeeded) await db.SaveChangesAsync();
        return result;
    }

    public async Task<Result> AnnounceAsync(Guid programId, string authorId, string title, string markdown, bool pinned)
    {
        var program = await LoadAsync(programId);
        if (program is null) return Result.Missing("That program");
        var (result, announcement) = Announcement.Post(programId, authorId, title, markdown, pinned, Now);
        if (announcement is null) return result;
        db.Announcements.Add(announcement);
        var studentIds = program.Active.Where(m => m.Role == Roles.Student).Select(m => m.UserId).ToList();
        foreach (var student in await db.Users.Where(u => studentIds.Contains(u.Id)).ToListAsync())
            db.Outbox.Add(OutboxMessage.Mail(ProgramEmails.Announced(program, student, announcement), Now, NotificationTopic.ProgramNews, student.Id));
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>
    /// A transaction that holds the program's assignment lock until it ends: on PostgreSQL an advisory lock, on SQL
    /// Server an application lock, on SQLite the write lock its immediate transactions take. Inside a caller's
    /// transaction (deleting an account) the lock joins that one and ends with it, and null is returned: the caller commits.
    /// </summary>
    private async Task<IDbContextTransaction?> LockAssignmentAsync(Guid programId)
    {
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var lockKey = $"assign:{programId}";
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))");
        if (db.Database.IsSqlServer()) await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {lockKey}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'");
        return transaction;
    }

    private static Task CommitAsync(IDbContextTransaction? transaction) => transaction?.CommitAsync() ?? Task.CompletedTask;

    private Task<MentoringProgram?> LoadAsync(Guid programId, bool tracked = true) =>
        (tracked ? db.Programs : db.Programs.AsNoTracking())
            .Include(p => p.Members).Include(p => p.Exclusions).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == programId);

    private async Task<AssignmentResult> PlanAsync(MentoringProgram program) => (await InstanceAsync(program)).Instance.Solve();

    /// <summary>
    /// The program's assignment problem as it stands, and the display name of each of its people; with
    /// <paramref name="movable"/>, only those students are placed and the others without a mentor wait.
    /// </summary>
    private async Task<(AssignmentInstance Instance, Func<string, string> Name)> InstanceAsync(MentoringProgram program, IReadOnlySet<string>? movable = null)
    {
        var active = program.Active.ToList();
        var ids = program.Members.Select(m => m.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.YearsOfExperience));
        var students = active.Where(m => m.Role == Roles.Student).ToList();
        var mentors = active.Where(m => m.Role == Roles.Mentor)
            .Select(m => new MentorGroup(m.UserId, m.MentorCapacity,
                students.Where(s => s.MentorId == m.UserId).Select(s => new StudentExperience(s.UserId, people[s.UserId].YearsOfExperience)).ToArray()))
            .ToArray();
        var unassigned = students.Where(s => s.MentorId is null && (movable?.Contains(s.UserId) ?? true)).Select(s => new StudentExperience(s.UserId, people[s.UserId].YearsOfExperience)).ToArray();
        var forbidden = program.Exclusions.Select(e => new ForbiddenPair(e.StudentId, e.MentorId)).ToArray();
        return (new AssignmentInstance(unassigned, mentors, forbidden),
            id => people.TryGetValue(id, out var person) ? person.DisplayName : "Someone who is not in this program");
    }

    private async Task ApplyAsync(MentoringProgram program, AssignmentResult plan)
    {
        var placed = plan.Placements.ToList();
        var ids = placed.SelectMany(p => new[] { p.StudentId, p.MentorId }).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        foreach (var (student, mentor) in placed)
        {
            program.Active.Single(m => m.UserId == student && m.Role == Roles.Student).AssignTo(mentor);
            db.Outbox.Add(OutboxMessage.Mail(ProgramEmails.YourMentor(program, people[student], people[mentor]), Now, NotificationTopic.ProgramNews, student));
        }
        foreach (var group in plan.Groups.Where(g => g.NewStudentIds.Count > 0))
            db.Outbox.Add(OutboxMessage.Mail(ProgramEmails.NewStudents(program, people[group.MentorId], group.NewStudentIds.Select(id => people[id])), Now, NotificationTopic.ProgramNews, group.MentorId));
        // A new group may have events of its own that were announced before these students joined it.
        await events.CatchUpAsync(program, placed.Select(p => p.StudentId).ToList());
        await db.SaveChangesAsync();
    }

}
