using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>The months a student pages through when booking: from today in their zone up to the mentor's horizon.</summary>
public class BookingMonthTests
{
    /// <summary>Monday 1 June 2026, 10:00 UTC = 19:00 in Tokyo.</summary>
    private static readonly DateTime Now = Utc(2026, 6, 1, 10);

    [Fact]
    public void The_first_month_starts_now_and_ends_with_the_last_local_day_of_the_month()
    {
        var month = BookingMonth.For(0, Now, "Asia/Tokyo", 60);

        Assert.Equal((On("2026-06-01"), On("2026-06-01"), On("2026-06-30"), Now, Utc(2026, 6, 30, 15)),
            (month.Month, month.FirstDay, month.LastDay, month.Utc.StartUtc, month.Utc.EndUtc));
    }

    [Fact]
    public void A_seventy_day_horizon_gives_three_months_and_the_last_ends_at_the_horizon()
    {
        var last = BookingMonth.For(2, Now, "Asia/Tokyo", 70);

        Assert.Equal((2, false, On("2026-08-01"), On("2026-08-10"), Now.AddDays(70)),
            (last.LastIndex, last.HasLater, last.FirstDay, last.LastDay, last.Utc.EndUtc));
    }

    [Fact]
    public void A_horizon_minutes_into_a_month_offers_that_month_only_when_a_session_fits_before_it()
    {
        // 15:20 UTC on 1 June is 00:20 on 2 June in Tokyo; 29 days on, the horizon is 00:20 on 1 July there.
        var now = Utc(2026, 6, 1, 15).AddMinutes(20);

        var hour = BookingMonth.For(0, now, "Asia/Tokyo", 29, sessionMinutes: 60);
        var quarter = BookingMonth.For(1, now, "Asia/Tokyo", 29, sessionMinutes: 15);

        Assert.Equal((0, false, On("2026-06-30")), (hour.LastIndex, hour.HasLater, hour.LastDay));
        Assert.Equal((1, On("2026-07-01"), On("2026-07-01")), (quarter.LastIndex, quarter.FirstDay, quarter.LastDay));
    }

    [Fact]
    public void Nothing_past_the_horizon_can_be_paged_to() =>
        Assert.Equal(BookingMonth.For(2, Now, "Asia/Tokyo", 70), BookingMonth.For(9, Now, "Asia/Tokyo", 70));

    [Fact]
    public void Months_follow_each_other_without_a_gap_or_an_overlap()
    {
        var months = Enumerable.Range(0, 3).Select(i => BookingMonth.For(i, Now, "Europe/Berlin", 70)).ToList();

        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.Utc.EndUtc, pair.Second.Utc.StartUtc));
    }

    [Fact]
    public void A_month_never_spans_more_than_one_free_slots_call_allows() =>
        Assert.All(Enumerable.Range(0, 13).Select(i => BookingMonth.For(i, Now, "Pacific/Kiritimati", 365)),
            month => Assert.InRange(month.Utc.EndUtc - month.Utc.StartUtc, TimeSpan.Zero, SessionService.LongestWindow));

    [Fact]
    public void A_horizon_inside_this_month_gives_one_month_that_ends_at_the_horizon()
    {
        var month = BookingMonth.For(0, Now, "UTC", 3);

        Assert.Equal((0, false, false, On("2026-06-04")), (month.LastIndex, month.HasEarlier, month.HasLater, month.LastDay));
    }
}
