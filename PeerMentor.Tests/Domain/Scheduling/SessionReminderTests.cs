using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

public class SessionReminderTests
{
    /// <summary>Tuesday 24 Nov 2026, 10:00 in Berlin: 27 hours after the scenario's "now".</summary>
    private static readonly DateTime TuesdayTenBerlin = SchedulingScenario.Monday0900Berlin.AddDays(1).AddHours(1);

    private static async Task<(Guid SessionId, string StudentId)> BookAsync(SchedulingScenario world, DateTime startUtc)
    {
        var student = (await world.AddStudentsAsync(1))[0];
        var (result, id) = await world.RequestAsync(student, startUtc);
        Assert.True(result.Succeeded, result.Summary);
        return (id!.Value, student);
    }

    private static async Task<List<(int? Minutes, DeliveryStatus Status, DateTime DueUtc)>> RemindersAsync(SchedulingScenario world) =>
        (await world.OutboxAsync()).Where(m => m.Kind == OutboxKind.Reminder)
            .Select(m => (m.ReminderMinutes, m.Status, m.NextAttemptUtc)).Order().ToList();

    private static async Task<List<(DeliveryStatus Status, string? Reason)>> OutcomesAsync(SchedulingScenario world) =>
        (await world.OutboxAsync()).Where(m => m.Kind == OutboxKind.Reminder).Select(m => (m.Status, m.SkipReason)).ToList();

    private static async Task<int> RemindersReceivedAsync(string email) =>
        (await SmtpSink.InstanceAsync()).MailTo(email).Count(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));

    private static async Task<int> DispatchAtAsync(SchedulingScenario world, DateTime utc, string email)
    {
        world.Clock.Advance(utc - world.Clock.GetUtcNow().UtcDateTime);
        await world.DispatchAsync();
        return await RemindersReceivedAsync(email);
    }

    [Fact]
    public async Task Booking_queues_a_reminder_24_hours_and_15_minutes_before_the_start_for_each_party()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await BookAsync(world, TuesdayTenBerlin);

        var due = (await RemindersAsync(world)).Select(r => (r.Minutes, r.DueUtc));

        Assert.Equal([(15, TuesdayTenBerlin.AddMinutes(-15)), (15, TuesdayTenBerlin.AddMinutes(-15)),
            (1440, TuesdayTenBerlin.AddDays(-1)), (1440, TuesdayTenBerlin.AddDays(-1))], due);
    }

    [Fact]
    public async Task Reminders_reach_the_student_at_their_due_instants_and_not_a_second_before()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, smtp: true);
        var (_, student) = await BookAsync(world, TuesdayTenBerlin);
        var email = await world.EmailOfAsync(student);
        var second = TimeSpan.FromSeconds(1);

        var received = new[]
        {
            await DispatchAtAsync(world, TuesdayTenBerlin.AddDays(-1) - second, email),
            await DispatchAtAsync(world, TuesdayTenBerlin.AddDays(-1), email),
            await DispatchAtAsync(world, TuesdayTenBerlin.AddMinutes(-15) - second, email),
            await DispatchAtAsync(world, TuesdayTenBerlin.AddMinutes(-15), email),
        };

        Assert.Equal([0, 1, 1, 2], received);
    }

    [Fact]
    public async Task A_reminder_states_the_time_in_the_recipients_own_zone()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, smtp: true);
        var (_, student) = await BookAsync(world, TuesdayTenBerlin);
        var email = await world.EmailOfAsync(student);

        await DispatchAtAsync(world, TuesdayTenBerlin.AddDays(-1), email);

        var mail = (await SmtpSink.InstanceAsync()).MailTo(email).Single(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains("Tue 24 Nov 2026, 14:30–15:30 (UTC+05:30)", mail.Text);
    }

    [Fact]
    public async Task The_day_reminder_of_a_session_the_day_after_the_spring_change_comes_exactly_24_real_hours_before()
    {
        // Berlin moves to summer time on Sunday 29 March 2026 at 01:00 UTC.
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true, smtp: true,
            nowUtc: new DateTime(2026, 3, 26, 6, 0, 0, DateTimeKind.Utc));
        var mondayTenBerlin = new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc);
        var (_, student) = await BookAsync(world, mondayTenBerlin);
        var email = await world.EmailOfAsync(student);
        var sunday0800Utc = new DateTime(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc);

        var received = new[]
        {
            await DispatchAtAsync(world, sunday0800Utc.AddSeconds(-1), email),
            await DispatchAtAsync(world, sunday0800Utc, email),
        };

        Assert.Equal([0, 1], received);
    }

    [Fact]
    public async Task Booking_inside_the_reminder_window_sends_the_nearest_reminder_at_once()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var start = SchedulingScenario.Monday0900Berlin.AddHours(1);
        world.Clock.Advance(start.AddMinutes(-5) - world.Clock.GetUtcNow().UtcDateTime);
        await BookAsync(world, start);

        await world.DispatchAsync();

        Assert.Equal([(15, DeliveryStatus.Sent), (15, DeliveryStatus.Sent)], (await RemindersAsync(world)).Select(r => (r.Minutes, r.Status)));
    }

    [Fact]
    public async Task Cancelling_a_session_skips_its_queued_reminders()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var (id, _) = await BookAsync(world, TuesdayTenBerlin);

        var cancelled = await world.RunAsync(s => s.CancelAsync(world.MentorId, id, "Travelling"));

        Assert.True(cancelled.Succeeded, cancelled.Summary);
        Assert.Equal(Enumerable.Repeat((DeliveryStatus.Skipped, (string?)SessionReminders.Cancelled), 4), await OutcomesAsync(world));
    }

    [Fact]
    public async Task Rescheduling_a_session_moves_its_queued_reminders_to_the_new_start()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var (id, _) = await BookAsync(world, TuesdayTenBerlin);
        var wednesday = TuesdayTenBerlin.AddDays(1);

        var moved = await world.RunAsync(s => s.RescheduleAsync(world.MentorId, id, wednesday, "Clash"));

        Assert.True(moved.Succeeded, moved.Summary);
        Assert.Equal([(15, DeliveryStatus.Queued, wednesday.AddMinutes(-15)), (15, DeliveryStatus.Queued, wednesday.AddMinutes(-15)),
            (1440, DeliveryStatus.Queued, wednesday.AddDays(-1)), (1440, DeliveryStatus.Queued, wednesday.AddDays(-1))], await RemindersAsync(world));
    }

    [Fact]
    public async Task A_reminder_that_comes_due_only_after_its_session_started_is_skipped_as_missed()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await BookAsync(world, TuesdayTenBerlin);
        // The app was down from before the first reminder until after the start.
        world.Clock.Advance(TuesdayTenBerlin.AddMinutes(1) - world.Clock.GetUtcNow().UtcDateTime);

        await world.DispatchAsync();

        Assert.Equal(Enumerable.Repeat((DeliveryStatus.Skipped, (string?)SessionReminders.Missed), 4), await OutcomesAsync(world));
    }
}
