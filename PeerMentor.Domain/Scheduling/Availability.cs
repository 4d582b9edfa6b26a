namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// A wall-clock range within one local day. <see cref="End"/> == 00:00 means midnight at the end of the day
/// (24:00), so a range can reach the end of a day; otherwise <see cref="Start"/> must be before <see cref="End"/>.
/// </summary>
public readonly record struct LocalRange(TimeOnly Start, TimeOnly End)
{
    public bool IsValid => End == TimeOnly.MinValue || Start < End;

    /// <summary>The end as time since local midnight, 24 h for the 00:00 end.</summary>
    public TimeSpan EndOfDayOffset => End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : End.ToTimeSpan();
}

/// <summary>Recurring availability: every <see cref="Day"/> from <see cref="Start"/> to <see cref="End"/>, in the mentor's zone (same 00:00-end rule as <see cref="LocalRange"/>).</summary>
public sealed record WeeklyRule(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public LocalRange Range => new(Start, End);
}

/// <summary>
/// Replaces the weekly rules for one local date: no ranges is a day off, otherwise these ranges apply instead
/// (extra hours on a free day, or different hours). Several overrides for one date add up.
/// </summary>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<LocalRange> Ranges);

/// <summary>How sessions are cut from availability. Minutes and days, as a mentor sets them.</summary>
public sealed record SlotPolicy(int SessionMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, int MinimumNoticeMinutes, int BookingHorizonDays)
{
    public TimeSpan Session => TimeSpan.FromMinutes(SessionMinutes);
    public TimeSpan BufferBefore => TimeSpan.FromMinutes(BufferBeforeMinutes);
    public TimeSpan BufferAfter => TimeSpan.FromMinutes(BufferAfterMinutes);
    public TimeSpan MinimumNotice => TimeSpan.FromMinutes(MinimumNoticeMinutes);
    public TimeSpan BookingHorizon => TimeSpan.FromDays(BookingHorizonDays);

    /// <summary>
    /// The time one of the mentor's sessions holds: the session with the mentor's buffers around it. Buffers belong
    /// to every session, so a new session's held time may not overlap an existing session's held time.
    /// </summary>
    public Interval Held(Interval session) => new(session.StartUtc - BufferBefore, session.EndUtc + BufferAfter);
}

/// <summary>A mentor's availability: weekly rules and date overrides in <see cref="TimeZoneId"/> (IANA), and how slots are cut from it.</summary>
public sealed record MentorSchedule(string TimeZoneId, IReadOnlyList<WeeklyRule> Weekly, IReadOnlyList<DateOverride> Overrides, SlotPolicy Policy)
{
    /// <summary>Throws for a schedule no mentor could have entered through validated input (a bug, not a user error).</summary>
    public void EnsureValid()
    {
        var policy = Policy;
        if (policy.SessionMinutes <= 0) throw new ArgumentException("The session length must be positive.", nameof(Policy));
        if (policy.BufferBeforeMinutes < 0 || policy.BufferAfterMinutes < 0 || policy.MinimumNoticeMinutes < 0 || policy.BookingHorizonDays < 0)
            throw new ArgumentException("Buffers, notice and horizon cannot be negative.", nameof(Policy));
        foreach (var rule in Weekly)
            if (!rule.Range.IsValid) throw new ArgumentException($"The {rule.Day} range {rule.Start}–{rule.End} ends before it starts.", nameof(Weekly));
        foreach (var dateOverride in Overrides)
            foreach (var range in dateOverride.Ranges)
                if (!range.IsValid) throw new ArgumentException($"The range {range.Start}–{range.End} on {dateOverride.Date} ends before it starts.", nameof(Overrides));
    }
}
