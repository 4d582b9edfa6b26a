using PeerMentor.Domain.Accounts;

namespace PeerMentor.Domain.Scheduling;

public enum SessionStatus
{
    /// <summary>A student asked; the mentor has not answered yet.</summary>
    Requested,
    /// <summary>Booked. The only status that holds the time: the database refuses two overlapping ones per person.</summary>
    Accepted,
    Rejected,
    /// <summary>Turned down automatically because an overlapping request was accepted.</summary>
    Declined,
    Cancelled,
    Expired,
}

/// <summary>
/// One mentoring session from the student's request to its end. A reschedule moves this same
/// session (same id, higher <see cref="Sequence"/>), so calendars update one event.
/// </summary>
public class Session
{
    public const int MaxAgendaLength = 2000;
    public const int MaxReasonLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string MentorId { get; private set; } = "";
    public AppUser? Mentor { get; private set; }
    public string StudentId { get; private set; } = "";
    public AppUser? Student { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public SessionStatus Status { get; private set; }
    public string Agenda { get; private set; } = "";
    public string Notes { get; private set; } = "";
    public string? StatusReason { get; private set; }
    public string? ChangedById { get; private set; }
    public string? MeetingUrl { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? RespondedUtc { get; private set; }
    public DateTime ExpiresUtc { get; private set; }
    public int Sequence { get; private set; }

    public Interval Time => new(StartUtc, EndUtc);
    public bool IsOpen => Status is SessionStatus.Requested or SessionStatus.Accepted;

    public static Session Request(string mentorId, string studentId, Interval slot, string agenda, string notes, DateTime nowUtc, DateTime expiresUtc) => new()
    {
        MentorId = mentorId,
        StudentId = studentId,
        StartUtc = slot.StartUtc,
        EndUtc = slot.EndUtc,
        Agenda = agenda.Trim(),
        Notes = notes.Trim(),
        Status = SessionStatus.Requested,
        CreatedUtc = nowUtc,
        // A request can never outlive the start of the session it asks for.
        ExpiresUtc = expiresUtc < slot.StartUtc ? expiresUtc : slot.StartUtc,
    };

    public bool IsParty(string userId) => userId == MentorId || userId == StudentId;

    public SessionChanges ChangesFor(string userId, bool asAdmin, DateTime nowUtc, int cutoffHours) =>
        SessionChanges.For(Status, StartUtc, EndUtc, userId == MentorId, IsParty(userId), asAdmin, nowUtc, cutoffHours);

    public Result Edit(Interval slot, string agenda, string notes)
    {
        if (Status != SessionStatus.Requested) return Result.Fail("", $"This request is {Describe()} and can no longer be edited.");
        (StartUtc, EndUtc, Agenda, Notes) = (slot.StartUtc, slot.EndUtc, agenda.Trim(), notes.Trim());
        if (ExpiresUtc > StartUtc) ExpiresUtc = StartUtc;
        return Result.Ok();
    }

    public Result Accept(string mentorId, string? meetingUrl, DateTime nowUtc)
    {
        if (Status != SessionStatus.Requested) return Result.Fail("", $"This request is {Describe()} and cannot be accepted.");
        if (nowUtc >= StartUtc) return Result.Fail("", "This session has already started; it can no longer be accepted.");
        Status = SessionStatus.Accepted;
        MeetingUrl = meetingUrl;
        Answer(mentorId, null, nowUtc);
        return Result.Ok();
    }

    public Result Reject(string mentorId, string reason, DateTime nowUtc)
    {
        if (Status != SessionStatus.Requested) return Result.Fail("", $"This request is {Describe()} and cannot be rejected.");
        Status = SessionStatus.Rejected;
        Answer(mentorId, reason, nowUtc);
        return Result.Ok();
    }

    /// <summary>Turned down because <paramref name="accepted"/> now holds the time.</summary>
    public void Decline(Session accepted, DateTime nowUtc)
    {
        if (Status != SessionStatus.Requested) throw new InvalidOperationException("Only open requests are declined.");
        Status = SessionStatus.Declined;
        var reason = accepted.MentorId != MentorId ? "You have another session at this time."
            : Time.Overlaps(accepted.Time) ? "The mentor accepted another request for this time."
            : "The mentor accepted another session too close to this time: they keep a break between sessions.";
        Answer(accepted.MentorId, reason, nowUtc);
    }

    public Result Cancel(string byUserId, string reason, DateTime nowUtc)
    {
        if (!IsOpen) return Result.Fail("", $"This session is {Describe()} already.");
        Status = SessionStatus.Cancelled;
        Answer(byUserId, reason, nowUtc);
        Sequence++;
        return Result.Ok();
    }

    public void Expire(DateTime nowUtc)
    {
        if (Status != SessionStatus.Requested) throw new InvalidOperationException("Only open requests expire.");
        Status = SessionStatus.Expired;
        StatusReason = "The mentor did not answer in time.";
        RespondedUtc = nowUtc;
    }

    public Result Reschedule(string byUserId, Interval slot, string reason, DateTime nowUtc)
    {
        if (Status != SessionStatus.Accepted) return Result.Fail("", $"Only booked sessions can be moved; this one is {Describe()}.");
        (StartUtc, EndUtc) = (slot.StartUtc, slot.EndUtc);
        Answer(byUserId, reason, nowUtc);
        Sequence++;
        return Result.Ok();
    }

    public string Describe() => Status switch
    {
        SessionStatus.Requested => "waiting for the mentor",
        SessionStatus.Accepted => "booked",
        SessionStatus.Rejected => "rejected",
        SessionStatus.Declined => "declined",
        SessionStatus.Cancelled => "cancelled",
        _ => "expired",
    };

    private void Answer(string byUserId, string? reason, DateTime nowUtc)
    {
        ChangedById = byUserId;
        StatusReason = reason?.Trim();
        RespondedUtc = nowUtc;
    }
}
