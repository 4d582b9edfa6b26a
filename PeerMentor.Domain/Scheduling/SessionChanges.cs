namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// What one person may do to a session right now. The pages offer only these actions and the service refuses
/// anything else with <see cref="Closed"/>, which also says what the person can do instead.
/// </summary>
public sealed record SessionChanges(bool CanCancel, bool CanMove, string? Closed)
{
    private static readonly SessionChanges None = new(false, false, null);

    /// <summary>
    /// Parties may cancel or move a booked session until <paramref name="cutoffHours"/> before its start; an admin may
    /// cancel it until it ends. A request can be withdrawn by either party and moved by its student until it ends.
    /// </summary>
    public static SessionChanges For(SessionStatus status, DateTime startUtc, DateTime endUtc, bool isMentor, bool isParty, bool asAdmin,
        DateTime nowUtc, int cutoffHours)
    {
        if (status is not (SessionStatus.Requested or SessionStatus.Accepted)) return None;
        if (endUtc <= nowUtc) return None with { Closed = "This session is over; there is nothing to change." };
        if (!isParty) return asAdmin ? new(true, false, null) : None;
        if (status == SessionStatus.Requested) return new(true, !isMentor, null);
        if (nowUtc < startUtc.AddHours(-cutoffHours)) return new(true, true, null);
        return new(asAdmin, false, CutoffMessage(isMentor, cutoffHours));
    }

    public static string CutoffMessage(bool isMentor, int cutoffHours)
    {
        var other = isMentor ? "your student" : "your mentor";
        var hours = cutoffHours == 1 ? "1 hour" : $"{cutoffHours} hours";
        return $"Cancelling and moving close {hours} before the start. If you cannot make it, tell {other} yourself: "
            + "the calendar invite in your booking email has their email address, and the meeting link reaches them at the start. "
            + "An admin can still cancel the session for you.";
    }
}
