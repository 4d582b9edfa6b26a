namespace PeerMentor.Domain.Scheduling;

/// <summary>Why a requested interval cannot be booked; checked in this order, the first that applies is given.</summary>
public enum SlotRefusal { None, EndBeforeStart, WrongLength, InPast, InsideMinimumNotice, BeyondBookingHorizon, OutsideAvailability, Conflicts }

/// <summary>
/// Turns a mentor's availability into bookable slots. Daylight saving, in the words the README uses:
/// <list type="bullet">
/// <item>Each local date is expanded on its own in the mentor's zone, so "Mondays 09:00–12:00" is 09:00–12:00
/// local time on every Monday, whatever the offset that day.</item>
/// <item>Both ends of a range are resolved separately by the rules of <see cref="ZonedTime"/> (gap: forward by the
/// gap's length; overlap: the earlier instant). So on a fall-back night (New York, 1 November 2026, 01:00–02:00
/// happens twice) a 01:00–03:00 range runs from the first 01:00 to 03:00 and lasts 3 real hours, and a range
/// starting at 01:30 starts at the first 01:30. On a spring-forward night (8 March 2026, 02:00–03:00 does not
/// exist) a 01:00–03:00 range lasts 1 real hour, a range ending at 02:30 ends at 03:30, a range wholly inside the
/// gap (02:00–02:30) moves to 03:00–03:30, and one that resolves to no time at all (02:30–03:15, i.e. 03:30–03:15)
/// gives no availability.</item>
/// <item>Slots are cut on the UTC timeline, so no slot is offered twice and every session lasts its real length:
/// the 3-hour fall-back window above gives one-hour slots that read 01:00, 01:00 and 02:00 on a local clock.</item>
/// </list>
/// </summary>
public static class SlotCalculator
{
    /// <summary>
    /// Availability windows in UTC that intersect [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), merged
    /// (overlapping or touching windows, also across midnight, become one) and sorted. Windows are not clipped
    /// to the range, so the slot grid does not depend on it; they are built from the local dates from the day
    /// before <paramref name="fromUtc"/> to the day after <paramref name="toUtc"/>, so only availability that
    /// runs unbroken across midnight from before then could start its grid elsewhere.
    /// </summary>
    public static IReadOnlyList<Interval> Windows(MentorSchedule schedule, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ZonedTime.EnsureUtc(fromUtc, nameof(fromUtc));
        ZonedTime.EnsureUtc(toUtc, nameof(toUtc));
        schedule.EnsureValid();
        if (toUtc <= fromUtc) return [];

        var zone = ZonedTime.Find(schedule.TimeZoneId);
        var first = DateOnly.FromDateTime(ZonedTime.ToLocal(fromUtc, zone)).AddDays(-1);
        var last = DateOnly.FromDateTime(ZonedTime.ToLocal(toUtc, zone)).AddDays(1);
        var overrides = SortedByDate(schedule.Overrides);
        var raw = new List<Interval>();
        var next = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            while (next < overrides.Length && overrides[next].Date < date) next++;
            if (next < overrides.Length && overrides[next].Date == date)
            {
                var day = new LocalDay(date, zone);
                for (; next < overrides.Length && overrides[next].Date == date; next++)
                    foreach (var range in overrides[next].Ranges) Add(raw, day.ToUtc(range));
            }
            else AddWeekly(raw, schedule.Weekly, date, zone);
        }
        return MergeIntersecting(raw, fromUtc, toUtc);
    }

    /// <summary>
    /// Free slots of <see cref="SlotPolicy.SessionMinutes"/> that lie within [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>): cut from each window's start in steps of the session length; starting no
    /// earlier than <paramref name="nowUtc"/> plus the minimum notice; ending no later than
    /// <paramref name="nowUtc"/> plus the booking horizon; and with the slot widened by its buffers overlapping
    /// no <paramref name="busy"/> interval (in any order, possibly overlapping each other): the mentor's sessions
    /// as they hold time (<see cref="SlotPolicy.Held"/>, buffers included) and the student's as they are.
    /// </summary>
    public static IReadOnlyList<Interval> FreeSlots(MentorSchedule schedule, IReadOnlyList<Interval> busy, DateTime fromUtc, DateTime toUtc, DateTime nowUtc) =>
        FreeSlots(schedule, busy, fromUtc, toUtc, nowUtc, out _);

    /// <summary>
    /// <see cref="FreeSlots(MentorSchedule, IReadOnlyList{Interval}, DateTime, DateTime, DateTime)"/>, and the first
    /// instant at which the answer may differ for the same schedule and busy times: the first slot falling inside the
    /// minimum notice, or the next one coming within the booking horizon. Every now before it gives the same slots.
    /// </summary>
    public static IReadOnlyList<Interval> FreeSlots(MentorSchedule schedule, IReadOnlyList<Interval> busy, DateTime fromUtc, DateTime toUtc, DateTime nowUtc,
        out DateTime unchangedUntilUtc)
    {
        ArgumentNullException.ThrowIfNull(busy);
        ZonedTime.EnsureUtc(nowUtc, nameof(nowUtc));
        var windows = Windows(schedule, fromUtc, toUtc);
        var policy = schedule.Policy;
        var session = policy.Session;
        var earliestStart = Max(fromUtc, nowUtc + policy.MinimumNotice);
        var latestEnd = Min(toUtc, nowUtc + policy.BookingHorizon);
        var sortedBusy = SortedByStart(busy);
        var slots = new List<Interval>();
        var nextBusy = 0;
        unchangedUntilUtc = DateTime.MaxValue;
        for (var w = 0; w < windows.Count; w++)
        {
            var window = windows[w];
            var start = FirstStepFrom(window.StartUtc, earliestStart, session);
            for (var end = start + session; end <= window.EndUtc; start = end, end += session)
            {
                if (end > latestEnd)
                {
                    // Every later candidate ends later still, so none can come within the horizon before this one.
                    if (latestEnd < toUtc) unchangedUntilUtc = end - policy.BookingHorizon;
                    return Found(slots, policy, ref unchangedUntilUtc);
                }
                var (blockedStart, blockedEnd) = policy.Held(new Interval(start, end));
                // Blocked starts only grow, so busy intervals that ended before this one cannot matter again.
                while (nextBusy < sortedBusy.Length && sortedBusy[nextBusy].EndUtc <= blockedStart) nextBusy++;
                if (nextBusy < sortedBusy.Length && sortedBusy[nextBusy].StartUtc < blockedEnd) continue;
                slots.Add(new Interval(start, end));
            }
        }
        return Found(slots, policy, ref unchangedUntilUtc);
    }

    /// <summary>The grid is fixed by the windows, so a later now only drops slots from the front: the first one goes once it is inside the notice.</summary>
    private static List<Interval> Found(List<Interval> slots, SlotPolicy policy, ref DateTime unchangedUntilUtc)
    {
        if (slots.Count > 0) unchangedUntilUtc = Min(unchangedUntilUtc, slots[0].StartUtc - policy.MinimumNotice + TimeSpan.FromTicks(1));
        return slots;
    }

    /// <summary>
    /// Why <paramref name="requested"/> cannot be booked, or <see cref="SlotRefusal.None"/> when it can. It need not
    /// be on the grid <see cref="FreeSlots"/> offers, but must have exactly the session length and lie inside one window.
    /// An end equal to the start counts as <see cref="SlotRefusal.EndBeforeStart"/>.
    /// </summary>
    public static SlotRefusal Check(MentorSchedule schedule, IReadOnlyList<Interval> busy, Interval requested, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(busy);
        ZonedTime.EnsureUtc(requested.StartUtc, nameof(requested));
        ZonedTime.EnsureUtc(requested.EndUtc, nameof(requested));
        ZonedTime.EnsureUtc(nowUtc, nameof(nowUtc));
        var policy = schedule.Policy;
        if (requested.EndUtc <= requested.StartUtc) return SlotRefusal.EndBeforeStart;
        if (requested.Length != policy.Session) return SlotRefusal.WrongLength;
        if (requested.StartUtc < nowUtc) return SlotRefusal.InPast;
        if (requested.StartUtc < nowUtc + policy.MinimumNotice) return SlotRefusal.InsideMinimumNotice;
        if (requested.EndUtc > nowUtc + policy.BookingHorizon) return SlotRefusal.BeyondBookingHorizon;

        var inside = false;
        foreach (var window in Windows(schedule, requested.StartUtc, requested.EndUtc))
            inside |= window.Contains(requested);
        if (!inside) return SlotRefusal.OutsideAvailability;

        return Conflicts(policy, busy, requested) ? SlotRefusal.Conflicts : SlotRefusal.None;
    }

    /// <summary>True when <paramref name="session"/>, widened by its buffers, overlaps a <paramref name="busy"/> interval (as <see cref="FreeSlots"/> describes them).</summary>
    public static bool Conflicts(SlotPolicy policy, IReadOnlyList<Interval> busy, Interval session)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(busy);
        var held = policy.Held(session);
        foreach (var interval in busy)
        {
            ZonedTime.EnsureUtc(interval.StartUtc, nameof(busy));
            if (interval.Overlaps(held)) return true;
        }
        return false;
    }

    /// <summary>The first start on the grid that begins at <paramref name="gridStart"/> that is not before <paramref name="earliest"/>.</summary>
    private static DateTime FirstStepFrom(DateTime gridStart, DateTime earliest, TimeSpan step)
    {
        if (gridStart >= earliest) return gridStart;
        var steps = ((earliest - gridStart).Ticks + step.Ticks - 1) / step.Ticks;
        return gridStart.AddTicks(step.Ticks * steps);
    }

    private static void AddWeekly(List<Interval> raw, IReadOnlyList<WeeklyRule> weekly, DateOnly date, TimeZoneInfo zone)
    {
        LocalDay? day = null;
        foreach (var rule in weekly)
        {
            if (rule.Day != date.DayOfWeek) continue;
            day ??= new LocalDay(date, zone);
            Add(raw, day.Value.ToUtc(rule.Range));
        }
    }

    private static void Add(List<Interval> raw, Interval? window)
    {
        if (window is { } value) raw.Add(value);
    }

    private static List<Interval> MergeIntersecting(List<Interval> raw, DateTime fromUtc, DateTime toUtc)
    {
        raw.Sort(static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
        var merged = new List<Interval>(raw.Count);
        for (var i = 0; i < raw.Count;)
        {
            var current = raw[i++];
            while (i < raw.Count && raw[i].StartUtc <= current.EndUtc)
                current = current with { EndUtc = Max(current.EndUtc, raw[i++].EndUtc) };
            if (current.EndUtc > fromUtc && current.StartUtc < toUtc) merged.Add(current);
        }
        return merged;
    }

    private static DateOverride[] SortedByDate(IReadOnlyList<DateOverride> overrides)
    {
        var sorted = new DateOverride[overrides.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = overrides[i];
        Array.Sort(sorted, static (a, b) => a.Date.CompareTo(b.Date));
        return sorted;
    }

    private static Interval[] SortedByStart(IReadOnlyList<Interval> busy)
    {
        var sorted = new Interval[busy.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            ZonedTime.EnsureUtc(busy[i].StartUtc, nameof(busy));
            sorted[i] = busy[i];
        }
        Array.Sort(sorted, static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
        return sorted;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
