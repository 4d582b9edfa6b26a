using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

/// <summary>The weeks a student pages through when booking: from today in their zone up to the mentor's horizon.</summary>
public class BookingWeekTests
{
    /// <summary>Monday 1 June 2026, 10:00 UTC = 19:00 in Tokyo.</summary>
    private static readonly DateTime Now = Utc(2026, 6, 1, 10);

    [Fact]
    public void The_first_week_starts_now_and_covers_seven_local_days()
    {
        var week = BookingWeek.For(0, Now, "Asia/Tokyo", 30);

        Assert.Equal((On("2026-06-01"), On("2026-06-07"), Now, Utc(2026, 6, 7, 15)),
            (week.FirstDay, week.LastDay, week.Utc.StartUtc, week.Utc.EndUtc));
    }

    [Fact]
    public void A_thirty_day_horizon_gives_five_weeks_and_the_last_ends_at_the_horizon()
    {
        var last = BookingWeek.For(4, Now, "Asia/Tokyo", 30);

        Assert.Equal((4, false, On("2026-06-29"), On("2026-07-01"), Now.AddDays(30)),
            (last.LastIndex, last.HasLater, last.FirstDay, last.LastDay, last.Utc.EndUtc));
    }

    [Fact]
    public void Nothing_past_the_horizon_can_be_paged_to() =>
        Assert.Equal(BookingWeek.For(4, Now, "Asia/Tokyo", 30), BookingWeek.For(9, Now, "Asia/Tokyo", 30));

    [Fact]
    public void Weeks_follow_each_other_without_a_gap_or_an_overlap()
    {
        var weeks = Enumerable.Range(0, 5).Select(i => BookingWeek.For(i, Now, "Europe/Berlin", 30)).ToList();

        Assert.All(weeks.Zip(weeks.Skip(1)), pair => Assert.Equal(pair.First.Utc.EndUtc, pair.Second.Utc.StartUtc));
    }

    [Fact]
    public void A_horizon_inside_the_first_week_gives_one_week() =>
        Assert.Equal((0, false, false), (BookingWeek.For(0, Now, "UTC", 3).LastIndex, BookingWeek.For(0, Now, "UTC", 3).HasEarlier, BookingWeek.For(0, Now, "UTC", 3).HasLater));
}
