namespace PeerMentor.Domain.Scheduling;

/// <summary>When a booked session's reminders are due, and whether one that has come due should still go out.</summary>
public static class SessionReminders
{
    public const string Missed = "missed: the session had started";
    public const string Cancelled = "the session was cancelled";
    public const string Moved = "the session was moved and this reminder no longer applies";

    /// <summary>
    /// Each reminder is due its lead time before the start, in real time (so across a DST change too). Leads that
    /// have already passed collapse into one reminder due now, the nearest one: a booking five minutes before the
    /// start gets the 15-minute reminder at once rather than every reminder it missed.
    /// </summary>
    public static IReadOnlyList<(int Minutes, DateTime DueUtc)> Plan(DateTime startUtc, IEnumerable<int> minutesBefore, DateTime nowUtc)
    {
        if (startUtc <= nowUtc) return [];
        var leads = minutesBefore.Where(m => m > 0).Distinct().OrderByDescending(m => m).ToList();
        var plan = leads.Where(m => startUtc.AddMinutes(-m) > nowUtc).Select(m => (m, startUtc.AddMinutes(-m))).ToList();
        var passed = leads.Where(m => startUtc.AddMinutes(-m) <= nowUtc).ToList();
        if (passed.Count > 0) plan.Add((passed.Min(), nowUtc));
        return plan;
    }

    /// <summary>Null when a due reminder should be sent; otherwise why not (the dispatcher may run late, e.g. after downtime).</summary>
    public static string? WhyNotSend(SessionStatus? status, DateTime? startUtc, DateTime nowUtc) =>
        status != SessionStatus.Accepted ? Cancelled
        : startUtc <= nowUtc ? Missed
        : null;
}
