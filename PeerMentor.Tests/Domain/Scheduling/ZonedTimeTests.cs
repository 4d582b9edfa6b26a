using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

public class ZonedTimeTests
{
    [Theory]
    [InlineData("America/New_York", "2026-03-08", 23)]
    [InlineData("America/New_York", "2026-11-01", 25)]
    [InlineData("America/New_York", "2026-03-07", 24)]
    [InlineData("America/New_York", "2026-11-02", 24)]
    [InlineData("Europe/London", "2026-03-29", 23)]
    [InlineData("Europe/London", "2026-10-25", 25)]
    [InlineData("Europe/Berlin", "2026-03-29", 23)]
    [InlineData("Europe/Berlin", "2026-10-25", 25)]
    [InlineData("Europe/Berlin", "2026-03-30", 24)]
    [InlineData("Australia/Sydney", "2026-04-05", 25)]
    [InlineData("Australia/Sydney", "2026-10-04", 23)]
    [InlineData("Australia/Lord_Howe", "2026-04-05", 24.5)]
    [InlineData("Australia/Lord_Howe", "2026-10-04", 23.5)]
    [InlineData("Australia/Lord_Howe", "2026-10-03", 24)]
    [InlineData("America/Santiago", "2026-04-04", 25)]
    [InlineData("America/Santiago", "2026-04-05", 24)]
    [InlineData("America/Santiago", "2026-09-05", 24)]
    [InlineData("America/Santiago", "2026-09-06", 23)]
    [InlineData("Asia/Kolkata", "2026-03-29", 24)]
    [InlineData("Asia/Kathmandu", "2026-10-25", 24)]
    public void A_local_day_lasts_as_many_real_hours_as_its_clocks_allow(string zone, string date, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), ZonedTime.DayBounds(On(date), zone).Length);

    [Fact]
    public void In_santiago_the_day_clocks_spring_forward_at_midnight_starts_at_one_oclock()
    {
        var bounds = ZonedTime.DayBounds(On("2026-09-06"), "America/Santiago");

        Assert.Equal(Utc(2026, 9, 6, 4), bounds.StartUtc);
        Assert.Equal(new TimeOnly(1, 0), TimeOnly.FromDateTime(ZonedTime.ToLocal(bounds.StartUtc, "America/Santiago")));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-07")]
    [InlineData("Australia/Lord_Howe", "2026-04-04")]
    [InlineData("America/Santiago", "2026-09-05")]
    public void Consecutive_days_meet_without_a_gap_across_a_transition(string zone, string date)
    {
        var day = On(date);
        for (var i = 0; i < 3; i++, day = day.AddDays(1))
            Assert.Equal(ZonedTime.DayBounds(day, zone).EndUtc, ZonedTime.DayBounds(day.AddDays(1), zone).StartUtc);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "03:30")]
    [InlineData("Europe/Berlin", "2026-03-29", "02:00", "03:00")]
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "02:45")]
    [InlineData("America/Santiago", "2026-09-06", "00:30", "01:30")]
    public void A_time_in_a_spring_forward_gap_moves_forward_by_the_gap(string zone, string date, string time, string shownAs)
    {
        var instant = ZonedTime.ToUtc(On(date), At(time), zone);

        Assert.Equal(On(date).ToDateTime(At(shownAs)), ZonedTime.ToLocal(instant, zone));
    }

    [Theory]
    [InlineData("America/New_York", "2026-11-01", "01:30", 2026, 11, 1, 5, 30)]
    [InlineData("Europe/London", "2026-10-25", "01:00", 2026, 10, 25, 0, 0)]
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45", 2026, 4, 4, 14, 45)]
    [InlineData("America/Santiago", "2026-04-04", "23:30", 2026, 4, 5, 2, 30)]
    public void A_time_in_a_fall_back_overlap_is_the_earlier_instant(string zone, string date, string time,
        int year, int month, int day, int hour, int minute) =>
        Assert.Equal(Utc(year, month, day, hour, minute), ZonedTime.ToUtc(On(date), At(time), zone));

    [Theory]
    [InlineData("Asia/Kolkata", 3, 30)]
    [InlineData("Asia/Kathmandu", 3, 15)]
    public void Zones_with_odd_offsets_keep_their_minutes(string zone, int hour, int minute) =>
        Assert.Equal(Utc(2026, 6, 1, hour, minute), ZonedTime.ToUtc(On("2026-06-01"), At("09:00"), zone));

    [Fact]
    public void A_local_time_passed_as_an_instant_is_refused() =>
        Assert.Throws<ArgumentException>(() => ZonedTime.ToLocal(new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Local), "Europe/Berlin"));
}
