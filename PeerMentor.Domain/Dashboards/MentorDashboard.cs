using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Dashboards;

public sealed record StudentToReview(Guid ProgramId, string ProgramName, string StudentId, string StudentName);

public sealed record HandIn(Guid SubmissionId, Guid AssignmentId, string AssignmentTitle, string StudentName, DateTime SubmittedUtc, bool IsLate);

public sealed record MentorToday(string TimeZoneId, DateTime NowUtc, int RequestCount, IReadOnlyList<OpenRequest> Requests,
    IReadOnlyList<UpcomingSession> Today, DateOnly Week, IReadOnlyList<StudentToReview> ReviewsDue, int HandInCount, IReadOnlyList<HandIn> HandIns);

/// <summary>What a mentor does next: answer requests, run today's sessions, review this week, grade hand-ins.</summary>
public sealed class MentorDashboard(AppDbContext db, TimeProvider clock)
{
    public async Task<MentorToday> LoadAsync(string mentorId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await db.Users.Where(u => u.Id == mentorId).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        var open = db.Sessions.Where(s => s.MentorId == mentorId && s.Status == SessionStatus.Requested && s.ExpiresUtc > now);
        var requestCount = await open.CountAsync();
        var requests = await open.AsNoTracking().OrderBy(s => s.ExpiresUtc).Take(DashboardLimits.Items)
            .Select(s => new OpenRequest(s.Id, s.StartUtc, s.EndUtc, s.Student!.DisplayName, s.ExpiresUtc, s.Agenda)).ToListAsync();

        var today = ZonedTime.DayBounds(DateOnly.FromDateTime(ZonedTime.ToLocal(now, zone)), zone);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.MentorId == mentorId && s.Status == SessionStatus.Accepted && s.StartUtc < today.EndUtc && s.EndUtc > today.StartUtc)
            .OrderBy(s => s.StartUtc)
            .Select(s => new UpcomingSession(s.Id, s.StartUtc, s.EndUtc, s.Student!.DisplayName, s.MeetingUrl)).ToListAsync();

        // The review week is the UTC week, as on the reviews page; only programs running in it expect reviews.
        var todayUtc = DateOnly.FromDateTime(now);
        var week = WeeklyReview.WeekOf(todayUtc);
        var reviewsDue = await (
            from m in db.ProgramMembers
            join p in db.Programs on m.ProgramId equals p.Id
            where m.MentorId == mentorId && m.LeftUtc == null && m.Role == Roles.Student && p.StartsOn <= todayUtc && p.EndsOn >= week
                && !db.Set<WeeklyReview>().Any(r => r.ProgramId == m.ProgramId && r.StudentId == m.UserId && r.Week == week)
            orderby p.Name, m.User!.DisplayName
            select new StudentToReview(p.Id, p.Name, m.UserId, m.User!.DisplayName)).AsNoTracking().ToListAsync();

        // Ungraded work of this mentor's own students, in the program the assignment belongs to (as on the assignments page).
        var ungraded = from s in db.Set<Submission>()
                       join a in db.Set<Assignment>() on s.AssignmentId equals a.Id
                       join m in db.ProgramMembers on new { a.ProgramId, UserId = s.StudentId } equals new { m.ProgramId, m.UserId }
                       where m.MentorId == mentorId && m.LeftUtc == null && s.ReviewedUtc == null
                       select new { s, a.Title, m.User!.DisplayName };
        var handInCount = await ungraded.CountAsync();
        var handIns = await ungraded.OrderBy(x => x.s.SubmittedUtc).Take(DashboardLimits.Items)
            .Select(x => new HandIn(x.s.Id, x.s.AssignmentId, x.Title, x.DisplayName, x.s.SubmittedUtc, x.s.IsLate)).AsNoTracking().ToListAsync();

        return new MentorToday(zone, now, requestCount, requests, sessions, week, reviewsDue, handInCount, handIns);
    }
}
