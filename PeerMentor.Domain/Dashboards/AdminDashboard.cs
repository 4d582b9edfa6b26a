using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Reviews;

namespace PeerMentor.Domain.Dashboards;

/// <summary>
/// How a program is doing: its people, students without a mentor or on probation, and this week's reviews
/// (expected: every assigned student while the program runs).
/// </summary>
public sealed record ProgramHealth(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int Students, int Mentors,
    int Unassigned, int OnProbation, int ReviewsDone, int ReviewsExpected);

public sealed record AdminOverview(int PendingRegistrations, DateOnly Week, IReadOnlyList<ProgramHealth> Programs, int FailedDeliveries);

/// <summary>What an admin looks at first: decisions waiting, programs that need attention, mail that could not be sent.</summary>
public sealed class AdminDashboard(AppDbContext db, TimeProvider clock)
{
    public const int MaxPrograms = 10;

    public async Task<AdminOverview> LoadAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var week = WeeklyReview.WeekOf(today);
        var pending = await db.Users.CountAsync(u => u.Approval == ApprovalStatus.Pending && u.DeletedUtc == null && u.EmailConfirmed);
        // One query: the counts are correlated subqueries the database answers, not a query per program.
        var programs = await db.Programs.AsNoTracking().Where(p => p.EndsOn >= today)
            .OrderBy(p => p.StartsOn).ThenBy(p => p.Name).Take(MaxPrograms)
            .Select(p => new
            {
                p.Id, p.Name, p.StartsOn, p.EndsOn,
                Students = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student),
                Mentors = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Mentor),
                Unassigned = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student && m.MentorId == null),
                OnProbation = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student && m.ProbationReason != null),
                Assigned = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student && m.MentorId != null),
                Done = p.Members.Count(m => m.LeftUtc == null && m.Role == Roles.Student
                    && db.Set<WeeklyReview>().Any(r => r.ProgramId == p.Id && r.StudentId == m.UserId && r.Week == week)),
            }).ToListAsync();
        var health = programs.Select(p => new ProgramHealth(p.Id, p.Name, p.StartsOn, p.EndsOn, p.Students, p.Mentors, p.Unassigned,
            p.OnProbation, p.Done, p.StartsOn <= today ? p.Assigned : 0)).ToList();
        var failed = await db.Outbox.CountAsync(m => m.Status == DeliveryStatus.Dead);
        return new AdminOverview(pending, week, health, failed);
    }
}
