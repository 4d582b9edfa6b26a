using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;

namespace PeerMentor.Domain.Programs;

/// <summary>
/// A running cohort for the demo people (see <see cref="DemoData"/>), made through the same services the pages
/// use: members assigned to mentors, a pinned announcement, a masterclass with an assignment, two weeks of
/// reviews, and for each mentor a booked session, a request to answer, a past session and a hand-in to grade, so
/// every page has something to show and the automations have points to work from.
/// </summary>
public static class DemoProgram
{
    public const string Name = "Winter 2026 cohort";

    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var programs = services.GetRequiredService<ProgramService>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (created, programId) = await programs.CreateAsync(new ProgramInput(Name, today.AddDays(-21), today.AddDays(70), 30));
        Check(created);
        var people = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@peermentor.local"))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var admin = people[DemoData.Logins[0].Email];
        // Two students stay outside the program, so an admin can try adding a late joiner.
        foreach (var login in DemoData.Logins.Where(l => l.Role != Roles.Admin).SkipLast(2))
            Check(await programs.AddMemberAsync(programId!.Value, people[login.Email], mentorCapacity: 5));
        Check((await programs.AssignAsync(programId!.Value)).Result);
        Check(await programs.AnnounceAsync(programId.Value, admin, "Welcome to the Winter cohort",
            "Glad to have you! **Masterclasses** are on the calendar; book 1:1 sessions with your mentor from *Find a mentor*.", pinned: true));

        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(17);
        var (eventCreated, eventId) = await services.GetRequiredService<ProgramEventService>().CreateAsync(admin, true, programId.Value,
            new EventInput("Masterclass: debugging in production", "Logs, traces and a live incident walk-through.", start, 90, "https://meet.example/masterclass", null));
        Check(eventCreated);
        var (posted, assignmentId) = await services.GetRequiredService<AssignmentService>().PostAsync(admin, true, programId.Value,
            new AssignmentInput("Write a postmortem", "One page on a bug you fixed: what happened, why, and what changed.", start.AddDays(7), eventId));
        Check(posted);

        var reviews = services.GetRequiredService<ReviewService>();
        var students = await db.ProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId && m.Role == Roles.Student && m.MentorId != null)
            .OrderBy(m => m.UserId).Select(m => new { m.UserId, m.MentorId }).ToListAsync();
        var lastWeek = WeeklyReview.WeekOf(today).AddDays(-7);
        for (var i = 0; i < students.Count; i++)
            foreach (var week in new[] { lastWeek.AddDays(-7), lastWeek })
            {
                // Students differ (i * 3) and each one moves from week to week, so lists and averages have something to show.
                var points = 3 + (i * 3 + week.DayNumber / 7) % 7;
                var scores = new Dictionary<string, int> { ["Progress"] = points, ["Code quality"] = points, ["Communication"] = Math.Min(10, points + 1) };
                Check(await reviews.SubmitAsync(students[i].MentorId!, programId.Value, students[i].UserId, week, scores, "Steady week; keep the practice going."));
            }

        // Each mentor's first student (in login order, so student1 is one) has a booked session, a past one and a
        // hand-in; their second student has a request waiting for an answer.
        var order = DemoData.Logins.Select((l, i) => (l.Email, i)).ToDictionary(l => people[l.Email], l => l.i);
        foreach (var group in students.GroupBy(s => s.MentorId!))
        {
            var mine = group.OrderBy(s => order[s.UserId]).Select(s => s.UserId).ToList();
            var booked = await RequestAsync(services, group.Key, mine[0], clock, "Review my postmortem draft before I hand it in.");
            Check(await services.GetRequiredService<Scheduling.SessionService>().AcceptAsync(group.Key, booked));
            AddPastSession(db, group.Key, mine[0], clock);
            Check((await services.GetRequiredService<AssignmentService>().SubmitAsync(mine[0], assignmentId!.Value, null,
                "https://github.com/peermentor-demo/postmortem")).Result);
            if (mine.Count > 1) await RequestAsync(services, group.Key, mine[1], clock, "Career chat: moving from support into backend work.");
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Asks, the way the booking page does, for the mentor's first free hour from two days on that falls in the
    /// student's waking hours (the demo people live in zones up to 16 hours apart).
    /// </summary>
    private static async Task<Guid> RequestAsync(IServiceProvider services, string mentorId, string studentId, TimeProvider clock, string agenda)
    {
        var sessions = services.GetRequiredService<Scheduling.SessionService>();
        var (found, slots) = await sessions.FreeSlotsAsync(mentorId, studentId, 60, clock.GetUtcNow().UtcDateTime.AddDays(2), null);
        Check(found);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await services.GetRequiredService<AppDbContext>().Users.FindAsync(studentId))!.TimeZoneId);
        var slot = slots.FirstOrDefault(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartUtc, zone).Hour is >= 8 and < 20, slots[0]);
        var (requested, id) = await sessions.RequestAsync(studentId, new Scheduling.SessionRequestInput(mentorId, slot.StartUtc, 60, agenda, ""));
        Check(requested);
        return id!.Value;
    }

    /// <summary>A session held last week: booked then, so it goes in directly rather than through today's rules.</summary>
    private static void AddPastSession(AppDbContext db, string mentorId, string studentId, TimeProvider clock)
    {
        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-6).AddHours(14);
        var past = Scheduling.Session.Request(mentorId, studentId, new Scheduling.Interval(start, start.AddHours(1)),
            "Getting started: goals for the cohort.", "", start.AddDays(-2), start);
        Check(past.Accept(mentorId, null, start.AddDays(-1)));
        db.Sessions.Add(past);
    }

    private static void Check(Result result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Seeding the demo program failed: {result.Summary}");
    }
}
