using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class EventChangeTests
{
    /// <summary>Tuesday 24 Nov 2026, 08:00 UTC: 13:30 in Kolkata, where the scenario's students live.</summary>
    private static readonly DateTime Start = SchedulingScenario.Monday0900Berlin.AddDays(1);

    private sealed record World(SchedulingScenario Scenario, Guid ProgramId, Guid EventId, string OtherMentor, string MyStudent, string OtherStudent) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scenario.DisposeAsync();

        public Task<T> Events<T>(Func<ProgramEventService, Task<T>> action) => Scenario.App.RunAsync(s => action(s.GetRequiredService<ProgramEventService>()));

        public Task<ProgramEvent> LoadAsync() =>
            Scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramEvent>().AsNoTracking().SingleAsync(e => e.Id == EventId));

        public async Task<List<OutboxMessage>> RemindersAsync() => (await Scenario.OutboxAsync()).Where(m => m.EventId == EventId).ToList();
    }

    /// <summary>Two mentors with one student each; the first mentor has created a masterclass for the whole program.</summary>
    private static async Task<World> CreateAsync()
    {
        var scenario = await SchedulingScenario.CreateAsync();
        var other = await scenario.AddMentorAsync();
        var students = await scenario.AddStudentsAsync(2);
        var programs = (Func<Func<ProgramService, Task>, Task>)(a => scenario.App.RunAsync(s => a(s.GetRequiredService<ProgramService>())));
        Guid programId = default;
        await programs(async p => programId = (await p.CreateAsync(new ProgramInput("Change cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        foreach (var id in new[] { scenario.MentorId, other, students[0], students[1] }) await programs(p => p.AddMemberAsync(programId, id, 1));
        await programs(p => p.AssignAsync(programId));
        var mine = await scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.Where(m => m.MentorId == scenario.MentorId).Select(m => m.UserId).SingleAsync());
        var (result, eventId) = await scenario.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(scenario.MentorId, false, programId, Input()));
        Assert.True(result.Succeeded, result.Summary);
        return new World(scenario, programId, eventId!.Value, other, mine, students.Single(s => s != mine));
    }

    private static EventInput Input(DateTime? start = null, int minutes = 90, string title = "System design masterclass") =>
        new(title, "Bring a diagram.", start ?? Start, minutes, "https://meet.example/design", null);

    [Fact]
    public async Task Moving_the_masterclass_mails_each_student_the_old_and_new_time_in_their_own_zone()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.MyStudent);

        var result = await world.Events(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId, Input(Start.AddHours(2))));

        Assert.True(result.Succeeded, result.Summary);
        var changed = Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("Changed", StringComparison.Ordinal));
        Assert.Contains("from Tue 24 Nov 2026, 13:30–15:00 (UTC+05:30) to Tue 24 Nov 2026, 15:30–17:00 (UTC+05:30)", changed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_the_masterclass_moves_its_queued_reminders_to_15_minutes_before_the_new_start()
    {
        await using var world = await CreateAsync();
        var newStart = Start.AddDays(1);

        await world.Events(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId, Input(newStart)));

        var reminders = await world.RemindersAsync();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((DeliveryStatus.Queued, newStart.AddMinutes(-15)), (r.Status, r.NextAttemptUtc)));
        Assert.All(reminders, r => Assert.Contains("Wed 25 Nov 2026, 13:30", r.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moved_masterclass_reminds_at_the_new_time_not_the_old_one()
    {
        await using var world = await CreateAsync();
        await world.Events(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId, Input(Start.AddHours(3))));

        world.Scenario.Clock.Advance(Start.AddMinutes(-15) - world.Scenario.Clock.GetUtcNow().UtcDateTime);
        await world.Scenario.DispatchAsync();

        Assert.All(await world.RemindersAsync(), r => Assert.Equal(DeliveryStatus.Queued, r.Status));
    }

    [Fact]
    public async Task Cancelling_skips_the_queued_reminders_and_mails_the_students_the_reason()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.OtherStudent);

        var result = await world.Events(s => s.CancelAsync(world.Scenario.MentorId, false, world.EventId, "The speaker is ill."));

        Assert.True(result.Succeeded, result.Summary);
        Assert.All(await world.RemindersAsync(), r => Assert.Equal((DeliveryStatus.Skipped, ProgramEventService.EventCancelled), (r.Status, r.SkipReason)));
        var mail = Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("Cancelled", StringComparison.Ordinal));
        Assert.Contains("The speaker is ill.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_event_stays_visible_to_its_students_marked_cancelled()
    {
        await using var world = await CreateAsync();

        await world.Events(s => s.CancelAsync(world.Scenario.MentorId, false, world.EventId, null));

        var seen = await world.Scenario.App.RunAsync(s => ProgramEventService.VisibleTo(s.GetRequiredService<AppDbContext>(), world.MyStudent)
            .Where(e => e.Id == world.EventId).Select(e => e.CancelledUtc).SingleAsync());
        Assert.NotNull(seen);
    }

    [Theory]
    [InlineData(0, 0, "DurationMinutes")]
    [InlineData(0, 13 * 60, "DurationMinutes")]
    [InlineData(-2, 60, "StartUtc")]
    public async Task An_edit_with_no_length_a_huge_length_or_a_start_in_the_past_is_refused_and_nothing_is_written(int startDays, int minutes, string field)
    {
        await using var world = await CreateAsync();
        var outboxBefore = (await world.Scenario.OutboxAsync()).Count;

        var result = await world.Events(s => s.EditAsync(world.Scenario.MentorId, false, world.EventId,
            Input(Start.AddDays(startDays), minutes, title: "Renamed")));

        Assert.NotEmpty(result.For(field));
        var stored = await world.LoadAsync();
        Assert.Equal(("System design masterclass", Start, 0), (stored.Title, stored.StartUtc, stored.Sequence));
        Assert.Equal(outboxBefore, (await world.Scenario.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Another_mentor_of_the_program_cannot_edit_the_event_and_is_told_it_does_not_exist()
    {
        await using var world = await CreateAsync();

        var result = await world.Events(s => s.EditAsync(world.OtherMentor, false, world.EventId, Input(title: "Hijacked")));

        Assert.True(result.NotFound);
        Assert.Equal("System design masterclass", (await world.LoadAsync()).Title);
    }

    [Fact]
    public async Task A_student_cannot_cancel_the_event()
    {
        await using var world = await CreateAsync();

        var result = await world.Events(s => s.CancelAsync(world.MyStudent, false, world.EventId, null));

        Assert.True(result.NotFound);
        Assert.Null((await world.LoadAsync()).CancelledUtc);
    }

    [Fact]
    public async Task An_admin_can_edit_any_event()
    {
        await using var world = await CreateAsync();

        var result = await world.Events(s => s.EditAsync("admin-not-a-member", true, world.EventId, Input(title: "Renamed by the admin")));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Renamed by the admin", (await world.LoadAsync()).Title);
    }

    [Fact]
    public async Task Adding_a_recording_mails_the_audience()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.MyStudent);

        var (result, _) = await world.Events(s => s.AddResourceAsync(world.Scenario.MentorId, false, world.EventId,
            new ResourceInput(EventResourceKind.Recording, "Full session", "https://video.example/design"), null));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.EndsWith("New recording for System design masterclass", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/slides.pdf")]
    [InlineData("")]
    public async Task A_link_that_is_not_http_or_https_is_refused_and_nothing_is_written(string url)
    {
        await using var world = await CreateAsync();
        var outboxBefore = (await world.Scenario.OutboxAsync()).Count;

        var (result, id) = await world.Events(s => s.AddResourceAsync(world.Scenario.MentorId, false, world.EventId,
            new ResourceInput(EventResourceKind.Link, "Slides", url), null));

        Assert.Null(id);
        Assert.NotEmpty(result.For("Url"));
        Assert.Equal(outboxBefore, (await world.Scenario.OutboxAsync()).Count);
    }
}
