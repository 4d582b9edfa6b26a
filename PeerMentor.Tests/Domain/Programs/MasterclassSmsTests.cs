using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class MasterclassSmsTests
{
    private const string Phone = "+919812345678";

    /// <summary>Tuesday 24 Nov 2026, 08:00 UTC: 13:30 in Kolkata, where the scenario's students live.</summary>
    private static readonly DateTime Start = SchedulingScenario.Monday0900Berlin.AddDays(1);

    /// <summary>A program with two students: the first has a verified phone, the second none. A masterclass is created for all.</summary>
    private static async Task<(SchedulingScenario World, string Texted, string Mailed)> CreateAsync(FakeSmsGateway gateway)
    {
        var world = await SchedulingScenario.CreateAsync(smtp: true, sms: gateway);
        var students = await world.AddStudentsAsync(2);
        await world.VerifyPhoneAsync(students[0], Phone);
        var programs = (Func<Func<ProgramService, Task>, Task>)(a => world.App.RunAsync(s => a(s.GetRequiredService<ProgramService>())));
        Guid programId = default;
        await programs(async p => programId = (await p.CreateAsync(new ProgramInput("SMS cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        foreach (var id in new[] { world.MentorId, students[0], students[1] }) await programs(p => p.AddMemberAsync(programId, id, 1));
        var (result, _) = await world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(world.MentorId, false, programId,
            new EventInput("System design masterclass", "Bring a diagram.", Start, 90, "https://meet.example/design", null)));
        Assert.True(result.Succeeded, result.Summary);
        return (world, students[0], students[1]);
    }

    private static async Task DispatchAtAsync(SchedulingScenario world, DateTime utc)
    {
        world.Clock.Advance(utc - world.Clock.GetUtcNow().UtcDateTime);
        await world.DispatchAsync();
    }

    [Fact]
    public async Task A_student_with_a_verified_phone_is_texted_15_minutes_before_the_masterclass_and_not_a_second_earlier()
    {
        await using var gateway = new FakeSmsGateway();
        var (world, _, _) = await CreateAsync(gateway);
        await using var _ = world;

        await DispatchAtAsync(world, Start.AddMinutes(-15).AddSeconds(-1));
        var early = gateway.To(Phone).Count;
        await DispatchAtAsync(world, Start.AddMinutes(-15));

        Assert.Equal(0, early);
        Assert.Contains("13:30", Assert.Single(gateway.To(Phone)).Form["Body"]);
    }

    [Fact]
    public async Task A_student_without_a_verified_phone_gets_the_reminder_by_email_at_the_same_instant()
    {
        await using var gateway = new FakeSmsGateway();
        var (world, _, mailed) = await CreateAsync(gateway);
        await using var _ = world;
        var email = await world.EmailOfAsync(mailed);
        var smtp = await SmtpSink.InstanceAsync();

        await DispatchAtAsync(world, Start.AddMinutes(-15));

        var reminder = await smtp.WaitForMailAsync(email, m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("13:30", reminder.Text);
        Assert.Single(gateway.Requests);
    }

    [Fact]
    public async Task A_masterclass_reminder_that_comes_due_after_the_start_is_skipped_as_missed()
    {
        await using var gateway = new FakeSmsGateway();
        var (world, _, _) = await CreateAsync(gateway);
        await using var _ = world;

        await DispatchAtAsync(world, Start.AddMinutes(1));

        var reminders = (await world.OutboxAsync()).Where(m => m.EventId is not null).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((DeliveryStatus.Skipped, PeerMentor.Domain.Scheduling.SessionReminders.Missed), (r.Status, r.SkipReason)));
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task A_masterclass_cancelled_less_than_a_day_ahead_is_also_texted_to_students_with_a_phone()
    {
        await using var gateway = new FakeSmsGateway();
        var (world, _, mailed) = await CreateAsync(gateway);
        await using var _ = world;
        var eventId = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().Select(e => e.Id).SingleAsync());
        world.Clock.Advance(TimeSpan.FromHours(4)); // Monday 10:00 UTC: the masterclass is 22 hours away.

        var cancelled = await world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CancelAsync(world.MentorId, false, eventId, "The speaker is ill."));
        await world.DispatchAsync();

        Assert.True(cancelled.Succeeded, cancelled.Summary);
        var text = Assert.Single(gateway.To(Phone)).Form["Body"];
        Assert.Contains("System design masterclass (SMS cohort), Tue 24 Nov 2026, 13:30", text);
        Assert.Contains("is cancelled. The speaker is ill.", text);
        Assert.Single(gateway.Requests);
        Assert.DoesNotContain(await world.OutboxAsync(), m => m.UserId == mailed && m.Channel == OutboxChannel.Sms);
    }

    [Fact]
    public async Task A_masterclass_moved_more_than_a_day_ahead_is_mailed_but_not_texted()
    {
        await using var gateway = new FakeSmsGateway();
        var (world, _, _) = await CreateAsync(gateway);
        await using var _ = world;
        var eventId = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().Select(e => e.Id).SingleAsync());

        var moved = await world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().EditAsync(world.MentorId, false, eventId,
            new EventInput("System design masterclass", "Bring a diagram.", Start.AddDays(2), 90, "https://meet.example/design", null)));
        await world.DispatchAsync();

        Assert.True(moved.Succeeded, moved.Summary);
        Assert.Empty(gateway.Requests);
        var changeMails = (await world.OutboxAsync()).Where(m => m.Subject.StartsWith("[SMS cohort] Changed: System design masterclass, Thu 26 Nov", StringComparison.Ordinal)).ToList();
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], changeMails.Select(m => m.Status));
    }
}
