using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Programs;

/// <summary>A masterclass or other event of a program, for the whole program or one mentor's group.</summary>
public class ProgramEvent : IForProgramAudience
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public string? MeetingUrl { get; private set; }
    /// <summary>Null: the whole program; otherwise only this mentor's group (and the mentor).</summary>
    public string? GroupMentorId { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public int Sequence { get; private set; }
    /// <summary>Set when the event is called off; it stays visible (as cancelled) so people learn why.</summary>
    public DateTime? CancelledUtc { get; private set; }
    public string? CancelReason { get; private set; }

    public bool IsCancelled => CancelledUtc is not null;

    public Interval Time => new(StartUtc, EndUtc);

    public static (Result Result, ProgramEvent? Event) Create(Guid programId, string createdById, EventInput input, DateTime nowUtc)
    {
        var result = Check(input, nowUtc);
        if (!result.Succeeded) return (result, null);
        var created = new ProgramEvent { ProgramId = programId, CreatedById = createdById, CreatedUtc = nowUtc };
        created.Apply(input);
        return (result, created);
    }

    public const int MaxReasonLength = 500;

    public Result Edit(EventInput input, DateTime nowUtc)
    {
        if (IsCancelled) return Result.Fail("", "This event was cancelled; it can no longer be changed.");
        var result = Check(input, nowUtc);
        if (!result.Succeeded) return result;
        Apply(input);
        Sequence++;
        return result;
    }

    public Result Cancel(string? reason, DateTime nowUtc)
    {
        if (IsCancelled) return Result.Fail("", "This event is already cancelled.");
        if (EndUtc <= nowUtc) return Result.Fail("", "This event is over; there is nothing to cancel.");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why?.Length > MaxReasonLength) return Result.Fail("Reason", $"Use at most {MaxReasonLength} characters.");
        (CancelledUtc, CancelReason) = (nowUtc, why);
        Sequence++;
        return Result.Ok();
    }

    private void Apply(EventInput input)
    {
        (Title, Description) = (input.Title.Trim(), input.Description.Trim());
        (StartUtc, EndUtc) = (input.StartUtc, input.StartUtc.AddMinutes(input.DurationMinutes));
        MeetingUrl = string.IsNullOrWhiteSpace(input.MeetingUrl) ? null : input.MeetingUrl.Trim();
        GroupMentorId = input.GroupMentorId;
    }

    private static Result Check(EventInput input, DateTime nowUtc)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(input.Title)) result.Add("Title", "Give the event a title.");
        else if (input.Title.Length > 200) result.Add("Title", "Use at most 200 characters.");
        if (input.Description.Length > 4000) result.Add("Description", "Use at most 4,000 characters.");
        if (input.StartUtc.Kind != DateTimeKind.Utc) result.Add("StartUtc", "Pick a start date and time.");
        else if (input.StartUtc <= nowUtc) result.Add("StartUtc", "The event must start in the future.");
        if (input.DurationMinutes <= 0) result.Add("DurationMinutes", "The event must end after it starts.");
        else if (input.DurationMinutes > 12 * 60) result.Add("DurationMinutes", "Keep events under 12 hours.");
        if (input.MeetingUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            result.Add("MeetingUrl", "Enter a full https:// link, or leave it empty.");
        return result;
    }
}

public sealed record EventInput(string Title, string Description, DateTime StartUtc, int DurationMinutes, string? MeetingUrl, string? GroupMentorId);
