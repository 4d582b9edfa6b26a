namespace PeerMentor.Domain.Programs;

/// <summary>Work set for a program's students: by an admin for the whole program, or by a mentor for their group.</summary>
public class Assignment : IForProgramAudience
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    /// <summary>Null: every student of the program; otherwise only this mentor's group.</summary>
    public string? GroupMentorId { get; private set; }
    public string Title { get; private set; } = "";
    public string Instructions { get; private set; } = "";
    public DateTime DueUtc { get; private set; }
    /// <summary>An event of the same program this assignment belongs with (say, the masterclass it follows).</summary>
    public Guid? EventId { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    public static (Result Result, Assignment? Assignment) Create(Guid programId, string createdById, string? groupMentorId, AssignmentInput input, DateTime nowUtc)
    {
        var result = Check(input, nowUtc);
        if (!result.Succeeded) return (result, null);
        var created = new Assignment { ProgramId = programId, GroupMentorId = groupMentorId, EventId = input.EventId, CreatedById = createdById, CreatedUtc = nowUtc };
        created.Apply(input);
        return (result, created);
    }

    /// <summary>Changes the title, instructions and due time; the related event stays as it was.</summary>
    public Result Edit(AssignmentInput input, DateTime nowUtc)
    {
        var result = Check(input, nowUtc);
        if (result.Succeeded) Apply(input);
        return result;
    }

    private void Apply(AssignmentInput input) =>
        (Title, Instructions, DueUtc) = (input.Title.Trim(), input.Instructions.Trim(), input.DueUtc!.Value);

    /// <summary>The rules an assignment must meet; pages ask before confirming, so nobody confirms a mail that cannot go out.</summary>
    public static Result Check(AssignmentInput input, DateTime nowUtc)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(input.Title)) result.Add("Title", "Give the assignment a title.");
        else if (input.Title.Trim().Length > 200) result.Add("Title", "Use at most 200 characters.");
        if (input.Instructions.Length > 8000) result.Add("Instructions", "Use at most 8,000 characters.");
        if (input.DueUtc is not { Kind: DateTimeKind.Utc } due) result.Add("DueUtc", "Pick a due date and time.");
        else if (due <= nowUtc) result.Add("DueUtc", "The due time must be in the future.");
        return result;
    }
}

public sealed record AssignmentInput(string Title, string Instructions, DateTime? DueUtc, Guid? EventId = null);

/// <summary>A file kept by the storage adapter under a generated name; the content type comes from its bytes.</summary>
public sealed record StoredFile(string StoredName, string FileName, string ContentType, long Length);

/// <summary>A student's answer to an assignment: the latest file and/or link counts, and the mentor's review of it.</summary>
public class Submission
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AssignmentId { get; private set; }
    public string StudentId { get; private set; } = "";
    public string? StoredName { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Length { get; private set; }
    public string? LinkUrl { get; private set; }
    public DateTime SubmittedUtc { get; private set; }
    /// <summary>Handed in after the due time: accepted, but the mentor sees that it was late.</summary>
    public bool IsLate { get; private set; }
    public int Version { get; private set; }
    public int? Grade { get; private set; }
    public string? ReviewComments { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedUtc { get; private set; }

    public bool HasFile => StoredName is not null;

    public static (Result Result, Submission? Submission) Create(Assignment assignment, string studentId, StoredFile? file, string? link, DateTime nowUtc)
    {
        var submission = new Submission { AssignmentId = assignment.Id, StudentId = studentId };
        var result = submission.Replace(assignment, file, link, nowUtc, out _);
        return result.Succeeded ? (result, submission) : (result, null);
    }

    /// <summary>
    /// The new file and link replace the old ones (latest counts). A review was of the old work, so it is cleared.
    /// <paramref name="replacedFile"/> names the stored file that is no longer needed.
    /// </summary>
    public Result Replace(Assignment assignment, StoredFile? file, string? link, DateTime nowUtc, out string? replacedFile)
    {
        replacedFile = null;
        var url = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        if (file is null && url is null) return Result.Fail("File", "Attach a file or give a link.");
        if (url is not null && !(url.Length <= 500 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            return Result.Fail("LinkUrl", "Enter a full https:// link, or leave it empty.");
        replacedFile = StoredName;
        (StoredName, FileName, ContentType, Length) = (file?.StoredName, file?.FileName, file?.ContentType, file?.Length);
        LinkUrl = url;
        SubmittedUtc = nowUtc;
        IsLate = nowUtc > assignment.DueUtc;
        Version++;
        (Grade, ReviewComments, ReviewedById, ReviewedUtc) = (null, null, null, null);
        return Result.Ok();
    }

    public Result Review(string mentorId, int? grade, string comments, DateTime nowUtc)
    {
        var result = CheckReview(grade, comments);
        if (!result.Succeeded) return result;
        (Grade, ReviewComments, ReviewedById, ReviewedUtc) = (grade, comments.Trim(), mentorId, nowUtc);
        return result;
    }

    public static Result CheckReview(int? grade, string comments)
    {
        var result = Result.Ok();
        if (grade is not (>= 0 and <= 100)) result.Add("Grade", "Give a grade from 0 to 100.");
        if (comments.Length > 4000) result.Add("ReviewComments", "Use at most 4,000 characters.");
        return result;
    }
}
