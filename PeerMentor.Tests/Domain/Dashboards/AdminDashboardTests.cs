using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static PeerMentor.Tests.Domain.Dashboards.DashboardWorld;

namespace PeerMentor.Tests.Domain.Dashboards;

public class AdminDashboardTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_admin_sees_pending_registrations_each_running_programs_health_and_failed_deliveries(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        await world.App.CreateAsync(null, "Pat Pending");
        var students = new List<TestUser>();
        foreach (var name in new[] { "Ann", "Bob", "Cat" }) students.Add(await StudentAsync(world, name));
        var programId = await ProgramAsync(world, "Autumn", students.Select(s => s.Id), mentorCapacity: 2);
        await world.App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var assigned = await db.ProgramMembers.Where(m => m.ProgramId == programId && m.MentorId != null).OrderBy(m => m.Id).ToListAsync();
            assigned[0].PutOnProbation("Low points");
            var ended = (await s.GetRequiredService<ProgramService>().CreateAsync(new ProgramInput("Summer", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), 5))).Id;
            Assert.NotNull(ended);
            foreach (var failed in new[] { "a@example.com", "b@example.com" })
            {
                var message = OutboxMessage.Mail(new MailMessage(failed, "Hello", "Hi", "<p>Hi</p>"), DateTime.UtcNow);
                message.MarkRejected("550 no such user");
                db.Outbox.Add(message);
            }
            await db.SaveChangesAsync();
        });
        var reviewed = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.ProgramId == programId && m.MentorId != null).OrderBy(m => m.Id).Select(m => m.UserId).FirstAsync());
        await ReviewAsync(world, programId, reviewed, ThisWeek, 6);

        var overview = await world.App.RunAsync(s => s.GetRequiredService<AdminDashboard>().LoadAsync());

        Assert.Equal(1, overview.PendingRegistrations);
        Assert.Equal(2, overview.FailedDeliveries);
        var program = Assert.Single(overview.Programs);
        Assert.Equal(("Autumn", 3, 1, 1, 1, 1, 2), (program.Name, program.Students, program.Mentors, program.Unassigned, program.OnProbation, program.ReviewsDone, program.ReviewsExpected));
    }

    [Fact]
    public async Task With_nothing_waiting_the_admin_sees_zeros_and_no_programs()
    {
        await using var world = await SchedulingScenario.CreateAsync();

        var overview = await world.App.RunAsync(s => s.GetRequiredService<AdminDashboard>().LoadAsync());

        Assert.Equal((0, 0, 0), (overview.PendingRegistrations, overview.Programs.Count, overview.FailedDeliveries));
    }
}
