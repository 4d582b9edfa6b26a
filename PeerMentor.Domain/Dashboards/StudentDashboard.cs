using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Dashboards;

public sealed record DueAssignment(Guid Id, string Title, DateTime DueUtc, DateTime? HandedInUtc, bool HandedInLate, int? Grade)
{
    public bool IsHandedIn => HandedInUtc is not null;
    public bool IsOverdue(DateTime nowUtc) => !IsHandedIn && DueUtc < nowUtc;
}

/// <summary>The latest weekly review and the average of the week before it (same program), when there was one.</summary>
public sealed record ReviewSummary(DateOnly Week, string ProgramName, double Average, double? PreviousAverage)
{
    public double? Change => PreviousAverage is { } previous ? Math.Round(Average - previous, 1) : null;
}

public sealed record StudentToday(string TimeZoneId, DateTime NowUtc, IReadOnlyList<UpcomingSession> Sessions, IReadOnlyList<OpenRequest> Requests,
    IReadOnlyList<DueAssignment> Assignments, ReviewSummary? LatestReview);

/// <summary>What a student does next: sessions, pending requests, work to hand in, and how the last review went.</summary>
public sealed class StudentDashboard(AppDbContext db, TimeProvider clock)
{
    public async Task<StudentToday> LoadAsync(string studentId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await db.Users.Where(u => u.Id == studentId).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.StudentId == studentId && s.Status == SessionStatus.Accepted && s.EndUtc > now)
            .OrderBy(s => s.StartUtc).Take(DashboardLimits.Items)
            .Select(s => new UpcomingSession(s.Id, s.StartUtc, s.EndUtc, s.Mentor!.DisplayName, s.MeetingUrl)).ToListAsync();
        var requests = await db.Sessions.AsNoTracking()
            .Where(s => s.StudentId == studentId && s.Status == SessionStatus.Requested && s.ExpiresUtc > now)
            .OrderBy(s => s.StartUtc).Take(DashboardLimits.Items)
            .Select(s => new OpenRequest(s.Id, s.StartUtc, s.EndUtc, s.Mentor!.DisplayName, s.ExpiresUtc, s.Agenda)).ToListAsync();
        // Everything still to hand in (overdue first, as it is due earliest), then what is handed in but not yet due.
        var assignments = await (
            from a in ProgramAudience.VisibleTo(db.Set<Assignment>(), db, studentId)
            join s in db.Set<Submission>().Where(s => s.StudentId == studentId) on a.Id equals s.AssignmentId into handedIn
            from s in handedIn.DefaultIfEmpty()
            where s == null || a.DueUtc > now
            orderby a.DueUtc
            select new DueAssignment(a.Id, a.Title, a.DueUtc, s == null ? null : s.SubmittedUtc, s != null && s.IsLate, s == null ? null : s.Grade))
            .AsNoTracking().Take(DashboardLimits.Items).ToListAsync();
        return new StudentToday(zone, now, sessions, requests, assignments, await LatestReviewAsync(studentId));
    }

    private async Task<ReviewSummary?> LatestReviewAsync(string studentId)
    {
        var latest = await db.Set<WeeklyReview>().AsNoTracking().Where(r => r.StudentId == studentId)
            .OrderByDescending(r => r.Week).ThenByDescending(r => r.UpdatedUtc)
            .Select(r => new { r.ProgramId, r.Week, r.Scores, Program = db.Programs.Where(p => p.Id == r.ProgramId).Select(p => p.Name).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (latest is null) return null;
        var weekBefore = latest.Week.AddDays(-7);
        var previous = await db.Set<WeeklyReview>().AsNoTracking()
            .Where(r => r.StudentId == studentId && r.ProgramId == latest.ProgramId && r.Week == weekBefore)
            .Select(r => r.Scores).FirstOrDefaultAsync();
        return new ReviewSummary(latest.Week, latest.Program ?? "", Average(latest.Scores), previous is null ? null : Average(previous));
    }

    private static double Average(string scores) => Math.Round(WeeklyReview.AverageOf(scores), 1);
}
