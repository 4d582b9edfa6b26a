using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static PeerMentor.Tests.Domain.Dashboards.DashboardWorld;

namespace PeerMentor.Tests.Domain.Dashboards;

public class MentorDashboardTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_mentor_sees_requests_to_answer_todays_sessions_students_not_reviewed_this_week_and_ungraded_work(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        var ann = await StudentAsync(world, "Ann Reviewed");
        var bob = await StudentAsync(world, "Bob Waiting");
        var programId = await ProgramAsync(world, "Autumn", [ann.Id, bob.Id]);
        var today = await BookAsync(world, ann.Id, SchedulingScenario.Monday0900Berlin, accept: true);
        await BookAsync(world, ann.Id, SchedulingScenario.Monday0900Berlin.AddDays(1), accept: true);
        var request = await BookAsync(world, bob.Id, SchedulingScenario.Monday0900Berlin.AddDays(2), accept: false);
        await ReviewAsync(world, programId, ann.Id, ThisWeek, 8);
        var essay = await AssignmentAsync(world, programId, "Essay", new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));
        await HandInAsync(world, ann.Id, essay);
        await HandInAsync(world, bob.Id, essay);
        var graded = await world.App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>();
            var submission = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Submission>(), x => x.StudentId == ann.Id);
            return await s.GetRequiredService<AssignmentService>().ReviewAsync(world.MentorId, submission.Id, 90, "Good");
        });
        Assert.True(graded.Succeeded, graded.Summary);

        var home = await world.App.RunAsync(s => s.GetRequiredService<MentorDashboard>().LoadAsync(world.MentorId));

        Assert.Equal(1, home.RequestCount);
        Assert.Equal([request], home.Requests.Select(r => r.Id));
        Assert.Equal([(today, "Ann Reviewed")], home.Today.Select(x => (x.Id, x.WithName)));
        Assert.Equal([(ThisWeek, "Bob Waiting")], home.ReviewsDue.Select(r => (home.Week, r.StudentName)));
        Assert.Equal((1, "Bob Waiting"), (home.HandInCount, home.HandIns.Single().StudentName));
    }

    [Fact]
    public async Task A_mentor_without_students_or_requests_has_nothing_to_do()
    {
        await using var world = await SchedulingScenario.CreateAsync();

        var home = await world.App.RunAsync(s => s.GetRequiredService<MentorDashboard>().LoadAsync(world.MentorId));

        Assert.Equal((0, 0, 0, 0), (home.RequestCount, home.Today.Count, home.ReviewsDue.Count, home.HandInCount));
    }
}
