using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>
/// How long a list of free slots holds while the data stays the same (what the API's read cache relies on): every
/// moment before the instant FreeSlots names gives the same slots, and at that instant they change.
/// 1 June 2026 is a Monday.
/// </summary>
public class SlotCalculatorExpiryTests
{
    private static readonly DateTime Monday = Utc(2026, 6, 1);

    private static readonly WeeklyRule[] Weekdays = Enumerable.Range(1, 5)
        .SelectMany(day => new[] { new WeeklyRule((DayOfWeek)day, At("09:00"), At("12:00")), new WeeklyRule((DayOfWeek)day, At("13:00"), At("17:00")) })
        .ToArray();

    /// <summary>The slots at <paramref name="now"/> are those at every 7th minute until the instant given, and at the tick before it.</summary>
    private static DateTime AssertSameUntil(MentorSchedule mentor, Interval[] busy, DateTime from, DateTime to, DateTime now)
    {
        var slots = SlotCalculator.FreeSlots(mentor, busy, from, to, now, out var until);
        Assert.True(until > now);
        for (var t = now; t < until && t < to; t += TimeSpan.FromMinutes(7))
            Assert.Equal(slots, SlotCalculator.FreeSlots(mentor, busy, from, to, t));
        if (until < to) Assert.Equal(slots, SlotCalculator.FreeSlots(mentor, busy, from, to, until.AddTicks(-1)));
        return until;
    }

    private static bool ChangesAt(MentorSchedule mentor, Interval[] busy, DateTime from, DateTime to, DateTime now, DateTime at) =>
        !SlotCalculator.FreeSlots(mentor, busy, from, to, now).SequenceEqual(SlotCalculator.FreeSlots(mentor, busy, from, to, at));

    [Fact]
    public void The_slots_hold_until_the_first_one_falls_inside_the_minimum_notice()
    {
        var mentor = new MentorSchedule("UTC", Weekdays, [], Hourly with { MinimumNoticeMinutes = 90 });

        var until = AssertSameUntil(mentor, [], Monday, Monday.AddDays(1), Monday.AddHours(8));

        Assert.Equal(Monday.AddHours(8.5).AddTicks(1), until);
        Assert.True(ChangesAt(mentor, [], Monday, Monday.AddDays(1), Monday.AddHours(8), until));
    }

    [Fact]
    public void The_slots_hold_until_the_next_one_comes_within_the_booking_horizon()
    {
        var mentor = new MentorSchedule("UTC", Weekdays, [], Hourly with { BookingHorizonDays = 2 });

        var until = AssertSameUntil(mentor, [], Monday, Monday.AddDays(7), Monday.AddHours(13.5));

        Assert.Equal(Monday.AddHours(14), until);
        Assert.True(ChangesAt(mentor, [], Monday, Monday.AddDays(7), Monday.AddHours(13.5), until));
    }

    [Fact]
    public void Slots_with_buffers_around_booked_sessions_hold_as_long_as_they_say()
    {
        var mentor = new MentorSchedule("UTC", Weekdays, [], new SlotPolicy(30, 15, 10, 60, 3));
        Interval[] busy = [new(Monday.AddHours(10), Monday.AddHours(11)), new(Monday.AddDays(1).AddHours(14), Monday.AddDays(1).AddHours(15))];

        for (var now = Monday.AddHours(-12); now < Monday.AddDays(2); now = AssertSameUntil(mentor, busy, Monday, Monday.AddDays(5), now)) { }
    }

    [Fact]
    public void Slots_across_a_fall_back_night_and_a_day_off_hold_as_long_as_they_say()
    {
        // New York, 1 November 2026: 01:00-02:00 happens twice. The Tuesday after is a day off with its own evening hours.
        var mentor = new MentorSchedule("America/New_York", Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRule(d, At("00:00"), At("04:00"))).ToArray(),
            [new DateOverride(On("2026-11-03"), [new LocalRange(At("18:00"), At("20:00"))])], Hourly with { MinimumNoticeMinutes = 45, BookingHorizonDays = 2 });
        var from = Utc(2026, 10, 31);

        for (var now = from; now < Utc(2026, 11, 4); now = AssertSameUntil(mentor, [], from, Utc(2026, 11, 6), now)) { }
    }
}
