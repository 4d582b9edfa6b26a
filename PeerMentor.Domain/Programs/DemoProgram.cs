using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;

namespace PeerMentor.Domain.Programs;

/// <summary>
/// A running cohort for the demo people (see <see cref="DemoData"/>), made through the same services the pages
/// use: members assigned to mentors, a pinned announcement, a masterclass with an assignment, and two weeks of
/// reviews, so every page has something to show and the automations have points to work from.
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
        Check((await services.GetRequiredService<AssignmentService>().PostAsync(admin, true, programId.Value,
            new AssignmentInput("Write a postmortem", "One page on a bug you fixed: what happened, why, and what changed.", start.AddDays(7), eventId))).Result);

        var reviews = services.GetRequiredService<ReviewService>();
        var students = await db.ProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId && m.Role == Roles.Student && m.MentorId != null)
            .OrderBy(m => m.UserId).Select(m => new { m.UserId, m.MentorId }).ToListAsync();
        var lastWeek = WeeklyReview.WeekOf(today).AddDays(-7);
        for (var i = 0; i < students.Count; i++)
            foreach (var week in new[] { lastWeek.AddDays(-7), lastWeek })
            {
                var points = 3 + (i * 7 + week.DayNumber / 7) % 7;
                var scores = new Dictionary<string, int> { ["Progress"] = points, ["Code quality"] = points, ["Communication"] = Math.Min(10, points + 1) };
                Check(await reviews.SubmitAsync(students[i].MentorId!, programId.Value, students[i].UserId, week, scores, "Steady week; keep the practice going."));
            }
    }

    private static void Check(Result result)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Seeding the demo program failed: {result.Summary}");
    }
}
