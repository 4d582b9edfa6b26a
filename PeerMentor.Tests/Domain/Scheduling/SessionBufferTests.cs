using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>A mentor's buffers belong to every one of their sessions, the booked ones as well as a new one.</summary>
public class SessionBufferTests
{
    private static readonly DateTime ElevenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(2);
    private static readonly DateTime NoonBerlin = SchedulingScenario.Monday0900Berlin.AddHours(3);

    /// <summary>The scenario's weekday hours (09:00–17:00 Berlin, 60-minute sessions) with these buffers.</summary>
    private static Task SetBuffersAsync(SchedulingScenario world, int before, int after, bool autoAccept) => world.App.RunAsync(async s =>
    {
        var weekdays = Enumerable.Range(1, 5).Select(d => new WeeklyRange((DayOfWeek)d, 9 * 60, 17 * 60)).ToArray();
        var saved = await s.GetRequiredService<AvailabilityService>().SaveAsync(world.MentorId,
            new AvailabilitySettings([60], before, after, 0, 60, autoAccept, "https://meet.example/room"), weekdays);
        Assert.True(saved.Succeeded, saved.Summary);
    });

    private static async Task<Guid> BookAsync(SchedulingScenario world, string student, DateTime startUtc)
    {
        var (result, id) = await world.RequestAsync(student, startUtc);
        Assert.True(result.Succeeded, result.Summary);
        return id!.Value;
    }

    /// <summary>11:00–12:00 is booked: a break after it takes 12:00 away, time to prepare before it takes 10:00.</summary>
    [Theory]
    [InlineData(0, 30)]
    [InlineData(15, 0)]
    public async Task The_slots_next_to_a_booked_session_are_not_offered_while_the_mentor_keeps_a_buffer_on_that_side(int before, int after)
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await SetBuffersAsync(world, before, after, autoAccept: true);
        var students = await world.AddStudentsAsync(2);
        await BookAsync(world, students[0], ElevenBerlin);

        var (_, slots) = await world.RunAsync(s => s.FreeSlotsAsync(world.MentorId, students[1], 60,
            SchedulingScenario.Monday0900Berlin, SchedulingScenario.Monday0900Berlin.AddHours(8)));

        Assert.Equal([9, 13, 14, 15, 16], slots.Select(s => ZonedTime.ToLocal(s.StartUtc, "Europe/Berlin").Hour));
    }

    [Fact]
    public async Task Booking_directly_into_the_break_after_a_booked_session_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await SetBuffersAsync(world, before: 0, after: 30, autoAccept: true);
        var students = await world.AddStudentsAsync(2);
        await BookAsync(world, students[0], ElevenBerlin);

        var (result, _) = await world.RequestAsync(students[1], NoonBerlin);

        Assert.Equal(["StartUtc"], result.Errors.Keys);
    }

    [Fact]
    public async Task Accepting_a_request_that_starts_in_another_sessions_break_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var students = await world.AddStudentsAsync(2);
        var noon = (await world.RequestAsync(students[0], NoonBerlin)).SessionId!.Value;
        var eleven = (await world.RequestAsync(students[1], ElevenBerlin)).SessionId!.Value;
        Assert.True((await world.RunAsync(s => s.AcceptAsync(world.MentorId, eleven))).Succeeded);
        // The break is turned on after both requests came in and the first was accepted.
        await SetBuffersAsync(world, before: 0, after: 30, autoAccept: false);

        var accepted = await world.RunAsync(s => s.AcceptAsync(world.MentorId, noon));

        Assert.Contains("30 minutes after each session", accepted.Summary);
        Assert.Equal(SessionStatus.Requested, (await world.LoadAsync(noon)).Status);
    }

    [Fact]
    public async Task Accepting_a_request_declines_the_open_requests_in_its_break_with_a_reason()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        await SetBuffersAsync(world, before: 0, after: 30, autoAccept: false);
        var students = await world.AddStudentsAsync(2);
        var noon = (await world.RequestAsync(students[0], NoonBerlin)).SessionId!.Value;
        var eleven = (await world.RequestAsync(students[1], ElevenBerlin)).SessionId!.Value;

        Assert.True((await world.RunAsync(s => s.AcceptAsync(world.MentorId, eleven))).Succeeded);

        var declined = await world.LoadAsync(noon);
        Assert.Equal(SessionStatus.Declined, declined.Status);
        Assert.Contains("too close to this time", declined.StatusReason);
    }

    [Fact]
    public async Task A_student_moving_a_session_into_the_mentors_break_after_another_session_is_refused()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await SetBuffersAsync(world, before: 0, after: 30, autoAccept: true);
        var students = await world.AddStudentsAsync(2);
        await BookAsync(world, students[0], ElevenBerlin);
        var later = await BookAsync(world, students[1], NoonBerlin.AddHours(2));

        var moved = await world.RunAsync(s => s.RescheduleAsync(students[1], later, NoonBerlin, "Earlier suits me"));

        Assert.Equal(["StartUtc"], moved.Errors.Keys);
    }

    [Fact]
    public async Task Sessions_of_other_people_do_not_carry_this_mentors_buffers()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        await SetBuffersAsync(world, before: 0, after: 30, autoAccept: true);
        var other = await world.AddMentorAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        // 15:00–16:00 Berlin with the New York mentor (09:00 there).
        var fifteenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(6);
        Assert.True((await world.RequestAsync(student, fifteenBerlin, other)).Result.Succeeded);

        var (result, _) = await world.RequestAsync(student, fifteenBerlin.AddHours(1));

        Assert.True(result.Succeeded, result.Summary);
    }
}
