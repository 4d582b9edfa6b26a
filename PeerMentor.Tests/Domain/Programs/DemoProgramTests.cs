using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;

namespace PeerMentor.Tests.Domain.Programs;

/// <summary>A newcomer who runs the app on an empty database finds a running cohort to click through.</summary>
public class DemoProgramTests
{
    [Fact]
    public async Task The_demo_database_has_a_running_cohort_that_a_demo_student_sees_at_home()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["DemoData:Seed"] = "true" });

        var (members, unassigned, announcements, events, assignments, reviews) = await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var program = await db.Programs.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Name == DemoProgram.Name);
            return (program.Members.Count, program.Members.Count(m => m.Role == Roles.Student && m.MentorId == null),
                await db.Announcements.CountAsync(a => a.ProgramId == program.Id), await db.Set<ProgramEvent>().CountAsync(e => e.ProgramId == program.Id),
                await db.Set<Assignment>().CountAsync(a => a.ProgramId == program.Id), await db.Set<WeeklyReview>().CountAsync(r => r.ProgramId == program.Id));
        });

        Assert.Equal((13, 0, 1, 1, 1, 20), (members, unassigned, announcements, events, assignments, reviews));
        // Students of one week do not all get the same points, so the review lists and averages show a spread.
        var scoresOfOneWeek = await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var week = await db.Set<WeeklyReview>().MaxAsync(r => r.Week);
            return await db.Set<WeeklyReview>().Where(r => r.Week == week).Select(r => r.Scores).Distinct().CountAsync();
        });
        Assert.True(scoresOfOneWeek > 1, $"every student of the week got the same points ({scoresOfOneWeek} distinct scores)");
        var student = DemoData.Logins.First(l => l.Role == Roles.Student);
        var client = await app.SignedInClientAsync(new TestUser("", student.Email, DemoData.Password, student.Name));
        var home = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains(DemoProgram.Name, home);
        Assert.Contains("Welcome to the Winter cohort", home);
    }

    [Fact]
    public async Task Every_demo_mentor_has_a_request_to_answer_a_booked_and_a_past_session_and_a_hand_in_to_grade()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["DemoData:Seed"] = "true" });
        var now = DateTime.UtcNow;

        var perMentor = await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var sessions = await db.Sessions.AsNoTracking().ToListAsync();
            var handIns = await db.Set<Submission>().AsNoTracking().ToListAsync();
            var mentors = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("mentor")).Select(u => u.Id).ToListAsync();
            return mentors.Select(m => (
                Requests: sessions.Count(x => x.MentorId == m && x.Status == SessionStatus.Requested && x.StartUtc > now),
                Booked: sessions.Count(x => x.MentorId == m && x.Status == SessionStatus.Accepted && x.StartUtc > now),
                Past: sessions.Count(x => x.MentorId == m && x.Status == SessionStatus.Accepted && x.EndUtc < now),
                HandIns: handIns.Count(h => sessions.Any(x => x.MentorId == m && x.StudentId == h.StudentId)))).ToList();
        });

        Assert.Equal(3, perMentor.Count);
        Assert.All(perMentor, m => Assert.Equal((1, 1, 1, 1), m));
        var student = DemoData.Logins.First(l => l.Role == Roles.Student);
        var client = await app.SignedInClientAsync(new TestUser("", student.Email, DemoData.Password, student.Name));
        var sessionsPage = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/sessions"));
        Assert.Contains("Review my postmortem draft", sessionsPage);
        Assert.Contains("data-testid=\"past-session\"", sessionsPage);
    }
}
