using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Tests.Infrastructure;
using static PeerMentor.Tests.Domain.Dashboards.DashboardWorld;

namespace PeerMentor.Tests.Domain.Dashboards;

public class StudentDashboardTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_student_sees_booked_sessions_pending_requests_work_due_next_first_and_how_the_last_review_moved(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        var student = await StudentAsync(world, "Sam Student");
        var programId = await ProgramAsync(world, "Autumn", [student.Id]);
        var overdue = await AssignmentAsync(world, programId, "Reading notes", new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc));
        var handedIn = await AssignmentAsync(world, programId, "Project plan", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));
        await HandInAsync(world, student.Id, handedIn);
        world.Clock.Advance(TimeSpan.FromDays(2));
        var thursday = SchedulingScenario.Monday0900Berlin.AddDays(3);
        var booked = await BookAsync(world, student.Id, thursday, accept: true);
        var waiting = await BookAsync(world, student.Id, thursday.AddDays(1), accept: false);
        await ReviewAsync(world, programId, student.Id, ThisWeek.AddDays(-7), 5);
        await ReviewAsync(world, programId, student.Id, ThisWeek, 7);

        var today = await world.App.RunAsync(s => s.GetRequiredService<StudentDashboard>().LoadAsync(student.Id));

        Assert.Equal([(booked, "Mentor 1")], today.Sessions.Select(x => (x.Id, x.WithName)));
        Assert.Equal([waiting], today.Requests.Select(r => r.Id));
        Assert.Equal([(overdue, false), (handedIn, true)], today.Assignments.Select(a => (a.Id, a.IsHandedIn)));
        Assert.True(today.Assignments[0].IsOverdue(today.NowUtc));
        Assert.Equal((ThisWeek, 7.0, 2.0), (today.LatestReview!.Week, today.LatestReview.Average, today.LatestReview.Change!.Value));
    }

    [Fact]
    public async Task A_new_student_has_an_empty_dashboard()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = await StudentAsync(world, "New Student");

        var today = await world.App.RunAsync(s => s.GetRequiredService<StudentDashboard>().LoadAsync(student.Id));

        Assert.Equal((0, 0, 0, true), (today.Sessions.Count, today.Requests.Count, today.Assignments.Count, today.LatestReview is null));
    }
}
