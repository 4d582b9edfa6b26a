using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Dashboards;

/// <summary>Shared steps for the dashboard tests, on the scheduling scenario (Monday 23 Nov 2026, 06:00 UTC; mentor in Berlin).</summary>
internal static class DashboardWorld
{
    public static readonly DateOnly ThisWeek = new(2026, 11, 23);

    /// <summary>A program (Nov 2026 – Feb 2027) under the scenario's mentor, who takes up to <paramref name="mentorCapacity"/> students; assigned.</summary>
    public static Task<Guid> ProgramAsync(SchedulingScenario world, string name, IEnumerable<string> studentIds, int mentorCapacity = 10) =>
        world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput(name, new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 20))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId, mentorCapacity);
            foreach (var student in studentIds) await programs.AddMemberAsync(id, student);
            await programs.AssignAsync(id);
            return id;
        });

    public static async Task ReviewAsync(SchedulingScenario world, Guid programId, string studentId, DateOnly week, int points)
    {
        var scores = new Dictionary<string, int> { ["Progress"] = points, ["Code quality"] = points, ["Communication"] = points };
        var saved = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(world.MentorId, programId, studentId, week, scores, "Weekly notes"));
        Assert.True(saved.Succeeded, saved.Summary);
    }

    public static async Task<Guid> AssignmentAsync(SchedulingScenario world, Guid programId, string title, DateTime dueUtc)
    {
        var (result, id) = await world.App.RunAsync(s => s.GetRequiredService<AssignmentService>()
            .PostAsync(world.MentorId, false, programId, new AssignmentInput(title, "Do it well", dueUtc)));
        Assert.True(result.Succeeded, result.Summary);
        return id!.Value;
    }

    public static async Task HandInAsync(SchedulingScenario world, string studentId, Guid assignmentId)
    {
        var (result, _) = await world.App.RunAsync(s => s.GetRequiredService<AssignmentService>().SubmitAsync(studentId, assignmentId, null, "https://example.com/work"));
        Assert.True(result.Succeeded, result.Summary);
    }

    public static async Task<Guid> BookAsync(SchedulingScenario world, string studentId, DateTime startUtc, bool accept)
    {
        var (requested, id) = await world.RequestAsync(studentId, startUtc);
        Assert.True(requested.Succeeded, requested.Summary);
        if (accept)
        {
            var accepted = await world.RunAsync(s => s.AcceptAsync(world.MentorId, id!.Value));
            Assert.True(accepted.Succeeded, accepted.Summary);
        }
        return id!.Value;
    }

    public static Task<TestUser> StudentAsync(SchedulingScenario world, string name) => world.App.CreateAsync(Roles.Student, name);
}
