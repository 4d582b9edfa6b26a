namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// Local calendar arithmetic in an IANA time zone, with daylight-saving transitions resolved explicitly
/// (TimeZoneInfo's own local-to-UTC conversion throws inside a gap and picks the later instant in an overlap):
/// <list type="bullet">
/// <item>A local time that occurs once maps to that instant.</item>
/// <item>A local time inside a spring-forward gap moves forward by the length of the gap: 02:30 in a one-hour gap
/// becomes 03:30 at the new offset (the lenient resolver of java.time and NodaTime).</item>
/// <item>A local time inside a fall-back overlap maps to the earlier of its two instants, the one at the offset
/// before the transition.</item>
/// <item>A local date lasts from its 00:00 to the next date's 00:00, each resolved as above: 23 or 25 hours on
/// transition days (23.5 or 24.5 in Australia/Lord_Howe, whose clocks move by 30 minutes). Where midnight itself
/// falls in a gap (America/Santiago in September) the date starts at 01:00.</item>
/// </list>
/// </summary>
public static class ZonedTime
{
    public static TimeZoneInfo Find(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    /// <summary>The instant at which <paramref name="date"/> starts and the one at which the next date starts in the zone.</summary>
    public static Interval DayBounds(DateOnly date, string timeZoneId) => DayBounds(date, Find(timeZoneId));

    public static Interval DayBounds(DateOnly date, TimeZoneInfo zone)
    {
        var day = new LocalDay(date, zone);
        return new Interval(day.ToUtc(TimeSpan.Zero), day.ToUtc(TimeSpan.FromDays(1)));
    }

    /// <summary>The instant of a local wall-clock time, gaps and overlaps resolved as the class describes.</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time, string timeZoneId) => ToUtc(date, time, Find(timeZoneId));

    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) => new LocalDay(date, zone).ToUtc(time.ToTimeSpan());

    /// <summary>The wall-clock time (<see cref="DateTimeKind.Unspecified"/>) that an instant shows in the zone.</summary>
    public static DateTime ToLocal(DateTime instantUtc, string timeZoneId) => ToLocal(instantUtc, Find(timeZoneId));

    public static DateTime ToLocal(DateTime instantUtc, TimeZoneInfo zone)
    {
        EnsureUtc(instantUtc, nameof(instantUtc));
        return DateTime.SpecifyKind(instantUtc + zone.GetUtcOffset(instantUtc), DateTimeKind.Unspecified);
    }

    internal static void EnsureUtc(DateTime value, string name)
    {
        // A Local or Unspecified value would be silently read as UTC and shift every answer by the server's offset.
        if (value.Kind != DateTimeKind.Utc) throw new ArgumentException("Expected a DateTime of kind Utc.", name);
    }
}

/// <summary>
/// Resolves the local times of one date. It asks the zone only for offsets of UTC instants, which TimeZoneInfo
/// answers reliably, probing a day before and two days after the date's midnight: every instant a local time of
/// this date can map to lies between the probes, and no zone changes its offset twice within those three days.
/// </summary>
internal readonly struct LocalDay
{
    private readonly TimeZoneInfo _zone;
    private readonly DateTime _midnight;
    private readonly TimeSpan _offsetBefore;
    private readonly TimeSpan _offsetAfter;

    public LocalDay(DateOnly date, TimeZoneInfo zone)
    {
        _zone = zone;
        // The wall-clock midnight held in a Utc-kind value, so that subtracting an offset yields the instant.
        _midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _offsetBefore = zone.GetUtcOffset(_midnight.AddDays(-1));
        _offsetAfter = zone.GetUtcOffset(_midnight.AddDays(2));
    }

    /// <param name="sinceMidnight">From zero to one day inclusive; one day is the next date's 00:00.</param>
    public DateTime ToUtc(TimeSpan sinceMidnight)
    {
        var local = _midnight + sinceMidnight;
        var early = local - _offsetBefore;
        if (_offsetBefore == _offsetAfter) return early;
        // At the old offset: before the transition, or the earlier instant of an overlap.
        if (_zone.GetUtcOffset(early) == _offsetBefore) return early;
        var late = local - _offsetAfter;
        if (_zone.GetUtcOffset(late) == _offsetAfter) return late;
        // In the gap: local − old offset is the same wall-clock time moved forward by the gap, at the new offset.
        return early;
    }

    /// <summary>The instants of a range, or null when its resolved end is not after its resolved start (a range inside a gap can collapse).</summary>
    public Interval? ToUtc(LocalRange range)
    {
        var start = ToUtc(range.Start.ToTimeSpan());
        var end = ToUtc(range.EndOfDayOffset);
        return end > start ? new Interval(start, end) : null;
    }
}
