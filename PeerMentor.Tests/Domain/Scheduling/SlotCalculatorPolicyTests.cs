using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>Policy rules, in UTC so that every expected time reads as written. 1 June 2026 is a Monday.</summary>
public class SlotCalculatorPolicyTests
{
    private static readonly DateTime Monday = Utc(2026, 6, 1);
    private static readonly DateTime LongBefore = Utc(2026, 1, 1);
    private static readonly Interval Busy10To11 = new(Monday.AddHours(10), Monday.AddHours(11));

    private static readonly WeeklyRule[] Weekdays = Enumerable.Range(1, 5)
        .SelectMany(day => new[]
        {
            new WeeklyRule((DayOfWeek)day, At("09:00"), At("12:00")),
            new WeeklyRule((DayOfWeek)day, At("13:00"), At("17:00")),
        })
        .ToArray();

    private static MentorSchedule Mentor(SlotPolicy? policy = null, params DateOverride[] overrides) =>
        new("UTC", Weekdays, overrides, policy ?? Hourly);

    private static int[] StartHours(IEnumerable<Interval> slots) => slots.Select(s => s.StartUtc.Hour).ToArray();

    private static IReadOnlyList<Interval> MondaySlots(MentorSchedule mentor, DateTime now, params Interval[] busy) =>
        SlotCalculator.FreeSlots(mentor, busy, Monday, Monday.AddDays(1), now);

    [Fact]
    public void Slots_start_at_each_window_start_and_step_by_the_session_length() =>
        Assert.Equal([9, 10, 11, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(), LongBefore)));

    [Fact]
    public void Slots_that_do_not_fit_before_the_window_ends_are_not_offered()
    {
        var slots = MondaySlots(Mentor(Hourly with { SessionMinutes = 90 }), LongBefore);

        Assert.Equal([Monday.AddHours(9), Monday.AddHours(10.5), Monday.AddHours(13), Monday.AddHours(14.5)], slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void Slots_already_started_are_not_offered() =>
        Assert.Equal([11, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(), Monday.AddHours(10.25))));

    [Fact]
    public void Slots_inside_the_minimum_notice_are_not_offered() =>
        Assert.Equal([10, 11, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(Hourly with { MinimumNoticeMinutes = 90 }), Monday.AddHours(8.5))));

    [Fact]
    public void Slots_ending_beyond_the_booking_horizon_are_not_offered()
    {
        var slots = SlotCalculator.FreeSlots(Mentor(Hourly with { BookingHorizonDays = 2 }), [], Monday, Monday.AddDays(7), Monday.AddHours(14));

        Assert.Equal(Monday.AddDays(2).AddHours(13), slots[^1].StartUtc);
    }

    [Fact]
    public void A_slot_touching_a_busy_interval_is_offered_when_there_are_no_buffers() =>
        Assert.Equal([9, 11, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(), LongBefore, Busy10To11)));

    [Fact]
    public void A_buffer_after_blocks_the_slot_that_ends_where_a_busy_interval_starts() =>
        Assert.Equal([11, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(Hourly with { BufferAfterMinutes = 15 }), LongBefore, Busy10To11)));

    [Fact]
    public void A_buffer_before_blocks_the_slot_that_starts_where_a_busy_interval_ends() =>
        Assert.Equal([9, 13, 14, 15, 16], StartHours(MondaySlots(Mentor(Hourly with { BufferBeforeMinutes = 15 }), LongBefore, Busy10To11)));

    [Fact]
    public void Busy_intervals_in_any_order_and_overlapping_each_other_all_block()
    {
        Interval[] busy =
        [
            new(Monday.AddHours(15), Monday.AddHours(15.5)),
            new(Monday.AddHours(10), Monday.AddHours(13.5)),
            new(Monday.AddHours(10.25), Monday.AddHours(10.5)),
        ];

        Assert.Equal([9, 14, 16], StartHours(MondaySlots(Mentor(), LongBefore, busy)));
    }

    [Fact]
    public void A_day_off_override_removes_that_days_hours_only()
    {
        var slots = SlotCalculator.FreeSlots(Mentor(null, new DateOverride(DateOnly.FromDateTime(Monday), [])), [], Monday, Monday.AddDays(2), LongBefore);

        Assert.All(slots, s => Assert.Equal(DayOfWeek.Tuesday, s.StartUtc.DayOfWeek));
        Assert.Equal(7, slots.Count);
    }

    [Fact]
    public void An_override_adds_hours_on_a_day_without_weekly_rules()
    {
        var saturday = Monday.AddDays(5);
        var mentor = Mentor(null, new DateOverride(DateOnly.FromDateTime(saturday), [new LocalRange(At("10:00"), At("12:00"))]));

        Assert.Equal([10, 11], StartHours(SlotCalculator.FreeSlots(mentor, [], saturday, saturday.AddDays(1), LongBefore)));
    }

    [Fact]
    public void An_override_replaces_the_weekly_hours_of_its_date() =>
        Assert.Equal([18, 19], StartHours(MondaySlots(Mentor(null, new DateOverride(DateOnly.FromDateTime(Monday), [new LocalRange(At("18:00"), At("20:00"))])), LongBefore)));

    [Fact]
    public void Overlapping_and_touching_ranges_merge_into_one_window()
    {
        var mentor = Mentor(null, new DateOverride(DateOnly.FromDateTime(Monday),
            [new LocalRange(At("10:00"), At("12:00")), new LocalRange(At("09:00"), At("11:00")), new LocalRange(At("12:00"), At("13:00"))]));

        Assert.Equal([new Interval(Monday.AddHours(9), Monday.AddHours(13))], SlotCalculator.Windows(mentor, Monday, Monday.AddDays(1)));
    }

    [Fact]
    public void A_range_ending_at_midnight_reaches_the_end_of_the_day()
    {
        var mentor = Mentor(null, new DateOverride(DateOnly.FromDateTime(Monday), [new LocalRange(At("22:00"), TimeOnly.MinValue)]));

        Assert.Equal([new Interval(Monday.AddHours(22), Monday.AddDays(1))], SlotCalculator.Windows(mentor, Monday, Monday.AddDays(1)));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_a_bug_and_throws()
    {
        var mentor = Mentor(null, new DateOverride(DateOnly.FromDateTime(Monday), [new LocalRange(At("12:00"), At("11:00"))]));

        Assert.Throws<ArgumentException>(() => SlotCalculator.Windows(mentor, Monday, Monday.AddDays(1)));
    }

    [Theory]
    [InlineData(10, 11, SlotRefusal.None)]
    [InlineData(9.5, 10.5, SlotRefusal.None)]
    [InlineData(10, 9, SlotRefusal.EndBeforeStart)]
    [InlineData(10, 10, SlotRefusal.EndBeforeStart)]
    [InlineData(10, 10.5, SlotRefusal.WrongLength)]
    [InlineData(11.5, 12.5, SlotRefusal.OutsideAvailability)]
    [InlineData(18, 19, SlotRefusal.OutsideAvailability)]
    public void Check_judges_the_shape_and_place_of_a_request(double startHour, double endHour, SlotRefusal expected) =>
        Assert.Equal(expected, SlotCalculator.Check(Mentor(), [], new Interval(Monday.AddHours(startHour), Monday.AddHours(endHour)), LongBefore));

    [Fact]
    public void Check_refuses_a_slot_in_the_past() =>
        Assert.Equal(SlotRefusal.InPast, Check(Mentor(), Monday.AddHours(9.5)));

    [Fact]
    public void Check_refuses_a_slot_inside_the_minimum_notice() =>
        Assert.Equal(SlotRefusal.InsideMinimumNotice, Check(Mentor(Hourly with { MinimumNoticeMinutes = 120 }), Monday.AddHours(8)));

    [Fact]
    public void Check_refuses_a_slot_beyond_the_booking_horizon() =>
        Assert.Equal(SlotRefusal.BeyondBookingHorizon, Check(Mentor(Hourly with { BookingHorizonDays = 1 }), Monday.AddDays(-1).AddHours(9.5)));

    [Fact]
    public void Check_refuses_a_slot_that_overlaps_a_busy_interval() =>
        Assert.Equal(SlotRefusal.Conflicts, Check(Mentor(), LongBefore, new Interval(Monday.AddHours(8.5), Monday.AddHours(9.5))));

    [Fact]
    public void Check_refuses_a_slot_whose_buffer_overlaps_a_busy_interval() =>
        Assert.Equal(SlotRefusal.Conflicts, Check(Mentor(Hourly with { BufferBeforeMinutes = 10 }), LongBefore, new Interval(Monday.AddHours(8), Monday.AddHours(9))));

    [Fact]
    public void Check_never_sees_a_conflict_between_touching_intervals() =>
        Assert.Equal(SlotRefusal.None, Check(Mentor(), LongBefore, new Interval(Monday.AddHours(8), Monday.AddHours(9)), new Interval(Monday.AddHours(10), Monday.AddHours(11))));

    [Fact]
    public void Every_slot_offered_passes_check()
    {
        var mentor = Mentor(Hourly with { SessionMinutes = 45, BufferAfterMinutes = 10, MinimumNoticeMinutes = 60 });
        var now = Monday.AddHours(8.2);
        var busy = new[] { new Interval(Monday.AddHours(11), Monday.AddHours(11.5)), Busy10To11 with { StartUtc = Monday.AddDays(1).AddHours(14) } };

        var slots = SlotCalculator.FreeSlots(mentor, busy, Monday, Monday.AddDays(7), now);

        Assert.All(slots, slot => Assert.Equal(SlotRefusal.None, SlotCalculator.Check(mentor, busy, slot, now)));
    }

    /// <summary>Checks the 09:00–10:00 slot of <see cref="Monday"/>.</summary>
    private static SlotRefusal Check(MentorSchedule mentor, DateTime now, params Interval[] busy) =>
        SlotCalculator.Check(mentor, busy, new Interval(Monday.AddHours(9), Monday.AddHours(10)), now);
}
