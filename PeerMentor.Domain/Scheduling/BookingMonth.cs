namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// One calendar month of a mentor's bookable days as a student sees them in their zone: from today up to the
/// mentor's booking horizon and never past it. <see cref="FirstDay"/>–<see cref="LastDay"/> are the bookable local
/// dates of the month; <see cref="Utc"/> is the part still bookable, at most a month so one FreeSlots call covers it.
/// </summary>
public sealed record BookingMonth(int Index, int LastIndex, DateOnly Month, DateOnly FirstDay, DateOnly LastDay, Interval Utc)
{
    public bool HasEarlier => Index > 0;
    public bool HasLater => Index < LastIndex;

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>
    /// The month at <paramref name="index"/> (0 = the one holding today), clamped to the months that exist. A session of
    /// <paramref name="sessionMinutes"/> must end by the horizon, so a horizon a few minutes into a day (or a month)
    /// adds no day on which nothing can start.
    /// </summary>
    public static BookingMonth For(int index, DateTime nowUtc, string timeZoneId, int horizonDays, int sessionMinutes = 0)
    {
        var zone = ZonedTime.Find(timeZoneId);
        var horizonEnd = nowUtc.AddDays(Math.Max(horizonDays, 0));
        var lastStart = horizonEnd.AddMinutes(-Math.Max(sessionMinutes, 0));
        var today = DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, zone));
        // The last bookable instant is just before the last start, so a horizon at local midnight adds no empty day.
        var lastBookable = lastStart > nowUtc ? DateOnly.FromDateTime(ZonedTime.ToLocal(lastStart.AddTicks(-1), zone)) : today;
        var lastIndex = (lastBookable.Year - today.Year) * 12 + lastBookable.Month - today.Month;
        index = Math.Clamp(index, 0, lastIndex);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(index);
        var first = index == 0 ? today : month;
        var last = month.AddMonths(1).AddDays(-1) < lastBookable ? month.AddMonths(1).AddDays(-1) : lastBookable;
        var from = ZonedTime.DayBounds(first, zone).StartUtc;
        var to = ZonedTime.DayBounds(last, zone).EndUtc;
        return new BookingMonth(index, lastIndex, month, first, last,
            new Interval(from > nowUtc ? from : nowUtc, to < horizonEnd ? to : horizonEnd));
    }
}
