using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

public class SlotCalculatorDaylightSavingTests
{
    private static readonly DateTime LongBefore = Utc(2026, 1, 1);

    private static readonly MentorSchedule NewYorkMondayMornings =
        new("America/New_York", [new WeeklyRule(DayOfWeek.Monday, At("10:00"), At("11:00"))], [], Hourly);

    /// <summary>Each zone's 2026 transitions; Kolkata and Kathmandu have none and stand for fixed odd offsets.</summary>
    public static TheoryData<string, string> Transitions2026 => new()
    {
        { "America/New_York", "2026-03-08" }, { "America/New_York", "2026-11-01" },
        { "Europe/London", "2026-03-29" }, { "Europe/London", "2026-10-25" },
        { "Europe/Berlin", "2026-03-29" }, { "Europe/Berlin", "2026-10-25" },
        { "Australia/Sydney", "2026-04-05" }, { "Australia/Sydney", "2026-10-04" },
        { "Australia/Lord_Howe", "2026-04-05" }, { "Australia/Lord_Howe", "2026-10-04" },
        { "America/Santiago", "2026-04-05" }, { "America/Santiago", "2026-09-06" },
        { "Asia/Kolkata", "2026-03-29" }, { "Asia/Kathmandu", "2026-10-25" },
    };

    [Theory]
    [MemberData(nameof(Transitions2026))]
    public void A_weekly_rule_keeps_its_local_time_on_the_days_around_a_transition(string zone, string transition)
    {
        var date = On(transition);
        var from = ZonedTime.DayBounds(date.AddDays(-3), zone).StartUtc;
        var to = ZonedTime.DayBounds(date.AddDays(3), zone).EndUtc;

        var slots = SlotCalculator.FreeSlots(Daily(zone, "09:00", "11:00"), [], from, to, LongBefore);

        var expected = Enumerable.Range(-3, 7)
            .SelectMany(offset => new[] { "09:00", "10:00" }.Select(time => $"{date.AddDays(offset):yyyy-MM-dd} {time}"));
        Assert.Equal(expected, LocalStarts(slots, zone));
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", "01:00", "03:00", 180)]
    [InlineData("America/New_York", "2026-03-08", "01:00", "04:00", 120)]
    [InlineData("Europe/London", "2026-10-25", "01:00", "03:00", 180)]
    [InlineData("Europe/London", "2026-03-29", "00:00", "03:00", 120)]
    [InlineData("Europe/Berlin", "2026-10-25", "02:00", "04:00", 180)]
    [InlineData("Europe/Berlin", "2026-03-29", "01:00", "04:00", 120)]
    [InlineData("Australia/Sydney", "2026-04-05", "02:00", "04:00", 180)]
    [InlineData("Australia/Sydney", "2026-10-04", "01:00", "04:00", 120)]
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:00", "03:00", 150)]
    [InlineData("Australia/Lord_Howe", "2026-10-04", "01:00", "04:00", 150)]
    [InlineData("America/Santiago", "2026-04-04", "22:00", "00:00", 180)]
    [InlineData("America/Santiago", "2026-09-06", "00:00", "03:00", 120)]
    public void A_range_across_a_transition_lasts_its_real_length(string zone, string date, string start, string end, int minutes)
    {
        var day = ZonedTime.DayBounds(On(date), zone);

        var windows = SlotCalculator.Windows(OnlyOn(zone, date, start, end), day.StartUtc, day.EndUtc);

        Assert.Equal(TimeSpan.FromMinutes(minutes), Assert.Single(windows).Length);
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", "01:00", "03:00", 6)]
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:00", "03:00", 5)]
    [InlineData("America/Santiago", "2026-04-04", "22:00", "00:00", 6)]
    public void Slots_across_a_fall_back_overlap_are_each_offered_once_and_fill_its_real_length(string zone, string date, string start, string end, int count)
    {
        var halfHours = Hourly with { SessionMinutes = 30 };
        var day = ZonedTime.DayBounds(On(date), zone);

        var slots = SlotCalculator.FreeSlots(OnlyOn(zone, date, start, end, halfHours), [], day.StartUtc, day.EndUtc, LongBefore);

        Assert.Equal(count, slots.Select(s => s.StartUtc).Distinct().Count());
        Assert.Equal(count, slots.Count);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(pair.First.EndUtc, pair.Second.StartUtc));
    }

    [Fact]
    public void Hourly_slots_in_the_repeated_hour_read_one_oclock_twice_on_a_local_clock()
    {
        var day = ZonedTime.DayBounds(On("2026-11-01"), "America/New_York");

        var slots = SlotCalculator.FreeSlots(OnlyOn("America/New_York", "2026-11-01", "01:00", "03:00"), [], day.StartUtc, day.EndUtc, LongBefore);

        Assert.Equal(["2026-11-01 01:00", "2026-11-01 01:00", "2026-11-01 02:00"], LocalStarts(slots, "America/New_York"));
    }

    [Fact]
    public void A_range_starting_in_the_repeated_hour_starts_at_its_first_pass()
    {
        var windows = SlotCalculator.Windows(OnlyOn("America/New_York", "2026-11-01", "01:30", "03:00"), Utc(2026, 11, 1), Utc(2026, 11, 2));

        Assert.Equal(new Interval(Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 1, 8)), Assert.Single(windows));
    }

    [Fact]
    public void A_range_ending_in_a_gap_ends_as_much_later_as_the_gap_is_long()
    {
        var windows = SlotCalculator.Windows(OnlyOn("America/New_York", "2026-03-08", "01:00", "02:30"), Utc(2026, 3, 8), Utc(2026, 3, 9));

        Assert.Equal(new Interval(Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 7, 30)), Assert.Single(windows));
    }

    [Fact]
    public void A_range_wholly_inside_a_gap_moves_forward_by_the_gap()
    {
        var windows = SlotCalculator.Windows(OnlyOn("America/New_York", "2026-03-08", "02:00", "02:30"), Utc(2026, 3, 8), Utc(2026, 3, 9));

        Assert.Equal(["2026-03-08 03:00"], LocalStarts(windows, "America/New_York"));
    }

    [Fact]
    public void A_range_that_resolves_to_no_time_in_a_gap_gives_no_availability() =>
        Assert.Empty(SlotCalculator.Windows(OnlyOn("America/New_York", "2026-03-08", "02:30", "03:15"), Utc(2026, 3, 8), Utc(2026, 3, 9)));

    [Fact]
    public void A_new_york_mentor_and_a_berlin_student_see_the_same_instants_while_only_new_york_has_moved_its_clocks()
    {

        var slots = SlotCalculator.FreeSlots(NewYorkMondayMornings, [], Utc(2026, 3, 1), Utc(2026, 4, 5), LongBefore);

        Assert.Equal(["2026-03-02 10:00", "2026-03-09 10:00", "2026-03-16 10:00", "2026-03-23 10:00", "2026-03-30 10:00"], LocalStarts(slots, "America/New_York"));
        Assert.Equal(["2026-03-02 16:00", "2026-03-09 15:00", "2026-03-16 15:00", "2026-03-23 15:00", "2026-03-30 16:00"], LocalStarts(slots, "Europe/Berlin"));
    }

    [Theory]
    [InlineData("15:00", SlotRefusal.None)]
    [InlineData("16:00", SlotRefusal.OutsideAvailability)]
    public void A_berlin_student_booking_from_their_own_clock_gets_the_new_york_mentors_slot(string berlinTime, SlotRefusal expected)
    {
        var start = ZonedTime.ToUtc(On("2026-03-16"), At(berlinTime), "Europe/Berlin");

        Assert.Equal(expected, SlotCalculator.Check(NewYorkMondayMornings, [], new Interval(start, start.AddHours(1)), LongBefore));
    }
}
