using PeerMentor.Domain.Scheduling;
using static PeerMentor.Tests.Domain.Scheduling.Schedules;

namespace PeerMentor.Tests.Domain.Scheduling;

public class IntervalTests
{
    private static readonly Interval TenToEleven = new(Utc(2026, 6, 1, 10), Utc(2026, 6, 1, 11));

    [Fact]
    public void Touching_intervals_do_not_overlap()
    {
        Assert.False(TenToEleven.Overlaps(new Interval(Utc(2026, 6, 1, 11), Utc(2026, 6, 1, 12))));
        Assert.False(TenToEleven.Overlaps(new Interval(Utc(2026, 6, 1, 9), Utc(2026, 6, 1, 10))));
    }

    [Fact]
    public void Intervals_sharing_a_minute_overlap() =>
        Assert.True(TenToEleven.Overlaps(new Interval(Utc(2026, 6, 1, 10, 59), Utc(2026, 6, 1, 12))));

    [Fact]
    public void An_interval_contains_one_inside_it_up_to_its_end() =>
        Assert.True(TenToEleven.Contains(new Interval(Utc(2026, 6, 1, 10, 30), Utc(2026, 6, 1, 11))));
}
