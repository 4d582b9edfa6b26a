using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>Times no one could mean (DateTime's own limits) are refused naming the field, never thrown on.</summary>
public class OutOfReachTimesTests
{
    private static readonly DateTime TenBerlin = SchedulingScenario.Monday0900Berlin.AddHours(1);
    private static readonly DateTime LastHour = new(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstDay = new(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_request_at_the_end_or_the_start_of_time_is_refused_on_its_start(bool end)
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];

        var (result, _) = await world.RequestAsync(student, end ? LastHour : FirstDay);

        Assert.Equal(["StartUtc"], result.Errors.Keys);
    }

    [Fact]
    public async Task Moving_a_booked_session_to_the_end_of_time_is_refused_on_its_start()
    {
        await using var world = await SchedulingScenario.CreateAsync(autoAccept: true);
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var moved = await world.RunAsync(s => s.RescheduleAsync(world.MentorId, id, LastHour, "Much later"));

        Assert.Equal(["StartUtc"], moved.Errors.Keys);
    }

    [Fact]
    public async Task Changing_a_requests_time_to_the_start_of_time_is_refused_on_its_start()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var edited = await world.RunAsync(s => s.EditRequestAsync(student, id, FirstDay, 60, "Agenda", ""));

        Assert.Equal(["StartUtc"], edited.Errors.Keys);
    }

    [Fact]
    public async Task Changing_a_requests_length_to_an_absurd_number_of_minutes_is_refused_on_its_length()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var student = (await world.AddStudentsAsync(1))[0];
        var id = (await world.RequestAsync(student, TenBerlin)).SessionId!.Value;

        var edited = await world.RunAsync(s => s.EditRequestAsync(student, id, TenBerlin, int.MinValue, "Agenda", ""));

        Assert.Equal(["Minutes"], edited.Errors.Keys);
    }

    [Theory]
    [InlineData("0001-01-01", "0001-01-02", "from")]
    [InlineData("9999-12-30", "9999-12-31", "from")]
    [InlineData("2026-11-23", "9999-12-31", "to")]
    public async Task Free_slots_of_a_window_out_of_reach_are_refused_naming_the_field(string from, string to, string field)
    {
        await using var world = await SchedulingScenario.CreateAsync();
        static DateTime Day(string date) => DateTime.SpecifyKind(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var (result, slots) = await world.RunAsync(s => s.FreeSlotsAsync(world.MentorId, null, null, Day(from), Day(to)));

        Assert.Equal([field], result.Errors.Keys);
        Assert.Empty(slots);
    }
}
