namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// One page of a mentor's bookable days as a student sees them: seven local dates in the student's zone, from
/// today up to the mentor's booking horizon and never past it. <see cref="Utc"/> is the part still bookable.
/// </summary>
public sealed record BookingWeek(int Index, int LastIndex, DateOnly FirstDay, DateOnly LastDay, Interval Utc)
{
    public bool HasEarlier => Index > 0;
    public bool HasLater => Index < LastIndex;

    /// <summary>The week at <paramref name="index"/> (0 = the one starting today), clamped to the weeks that exist.</summary>
    public static BookingWeek For(int index, DateTime nowUtc, string timeZoneId, int horizonDays)
    {
        var zone = ZonedTime.Find(timeZoneId);
        var horizonEnd = nowUtc.AddDays(Math.Max(horizonDays, 0));
        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, zone));
        // The last bookable instant is just before the horizon, so a horizon at local midnight adds no empty day.
        var lastBookable = horizonEnd > nowUtc ? DateOnly.FromDateTime(ZonedTime.ToLocal(horizonEnd.AddTicks(-1), zone)) : today;
        var lastIndex = (lastBookable.DayNumber - today.DayNumber) / 7;
        index = Math.Clamp(index, 0, lastIndex);
        var first = today.AddDays(7 * index);
        var last = first.AddDays(6) < lastBookable ? first.AddDays(6) : lastBookable;
        var from = ZonedTime.DayBounds(first, zone).StartUtc;
        var to = ZonedTime.DayBounds(last, zone).EndUtc;
        return new BookingWeek(index, lastIndex, first, last, new Interval(from > nowUtc ? from : nowUtc, to < horizonEnd ? to : horizonEnd));
    }
}
