using PeerMentor.Domain.Accounts;

namespace PeerMentor.Domain.Programs;

/// <summary>A cohort: dates, a student capacity, its mentors and students, and who mentors whom.</summary>
public class MentoringProgram
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int Capacity { get; private set; }
    /// <summary>The weekly review rubric: criteria scored 0–10, comma separated.</summary>
    public string ReviewCriteria { get; private set; } = "Progress, Code quality, Communication";
    /// <summary>Probation is proposed below this weekly review average for <see cref="ProbationWeeks"/> weeks in a row.</summary>
    public double ProbationThreshold { get; private set; } = 4;
    public int ProbationWeeks { get; private set; } = 2;
    /// <summary>Removal from the program is proposed below the threshold for this many weeks in a row; 0 never proposes it.</summary>
    public int RemovalWeeks { get; private set; } = 4;
    /// <summary>When set, the weekly automation job applies the proposals itself instead of waiting for an admin.</summary>
    public bool AppliesAutomationsItself { get; private set; }
    /// <summary>The week (its Monday) whose proposals were last applied, so a week is applied at most once.</summary>
    public DateOnly? AutomatedWeek { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public List<ProgramMember> Members { get; private set; } = [];
    public List<ProgramExclusion> Exclusions { get; private set; } = [];

    public IEnumerable<ProgramMember> Active => Members.Where(m => m.LeftUtc is null);

    public IReadOnlyList<string> Criteria => ReviewCriteria.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public Result SetCriteria(IReadOnlyList<string> criteria)
    {
        var cleaned = criteria.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToArray();
        if (cleaned.Length is 0 or > 10) return Result.Fail("Criteria", "Use 1 to 10 criteria.");
        if (cleaned.Any(c => c.Length > 40 || c.Contains(',', StringComparison.Ordinal))) return Result.Fail("Criteria", "Keep each criterion short, without commas.");
        ReviewCriteria = string.Join(", ", cleaned);
        return Result.Ok();
    }

    public Result SetAutomations(double probationThreshold, int probationWeeks, int removalWeeks, bool appliesItself)
    {
        var result = Result.Ok();
        if (double.IsNaN(probationThreshold) || probationThreshold is < 0 or > 10) result.Add("ProbationThreshold", "Use a review average from 0 to 10.");
        if (probationWeeks is < 1 or > 12) result.Add("ProbationWeeks", "Use 1 to 12 weeks.");
        if (removalWeeks != 0 && (removalWeeks <= probationWeeks || removalWeeks > 26))
            result.Add("RemovalWeeks", $"Use more weeks than probation ({probationWeeks}) and at most 26, or 0 to never propose removal.");
        if (!result.Succeeded) return result;
        (ProbationThreshold, ProbationWeeks, RemovalWeeks, AppliesAutomationsItself) = (probationThreshold, probationWeeks, removalWeeks, appliesItself);
        return result;
    }

    public void MarkAutomated(DateOnly week) => AutomatedWeek = week;

    /// <summary>Open for registration until the day it ends.</summary>
    public bool IsOpen(DateOnly today) => EndsOn >= today;

    public static (Result Result, MentoringProgram? Program) Create(string name, DateOnly startsOn, DateOnly endsOn, int capacity, DateTime nowUtc)
    {
        var result = Validate(name, startsOn, endsOn, capacity);
        return result.Succeeded
            ? (result, new MentoringProgram { Name = name.Trim(), StartsOn = startsOn, EndsOn = endsOn, Capacity = capacity, CreatedUtc = nowUtc })
            : (result, null);
    }

    /// <summary>New name, dates or capacity; the capacity never drops below the students already in the program.</summary>
    public Result Update(string name, DateOnly startsOn, DateOnly endsOn, int capacity)
    {
        var result = Validate(name, startsOn, endsOn, capacity);
        var students = Active.Count(m => m.Role == Roles.Student);
        if (result.Succeeded && capacity < students)
            result.Add("Capacity", $"{students} students are in the program already; the capacity cannot be lower.");
        if (result.Succeeded) (Name, StartsOn, EndsOn, Capacity) = (name.Trim(), startsOn, endsOn, capacity);
        return result;
    }

    private static Result Validate(string name, DateOnly startsOn, DateOnly endsOn, int capacity)
    {
        var result = Result.Ok();
        if (string.IsNullOrWhiteSpace(name)) result.Add("Name", "Give the program a name.");
        else if (name.Trim().Length > 120) result.Add("Name", "Use at most 120 characters.");
        if (endsOn < startsOn) result.Add("EndsOn", "The program must end on or after the day it starts.");
        if (capacity is < 1 or > 5000) result.Add("Capacity", "Take 1 to 5,000 students.");
        return result;
    }

    /// <summary>Adds an approved mentor or student; students count against the program's capacity.</summary>
    public Result Add(AppUser user, string role, int mentorCapacity, DateTime nowUtc)
    {
        if (role is not (Roles.Mentor or Roles.Student)) return Result.Fail("", "Only mentors and students join programs.");
        if (Active.Any(m => m.UserId == user.Id)) return Result.Fail("", $"{user.DisplayName} is already in this program.");
        if (role == Roles.Student && Active.Count(m => m.Role == Roles.Student) >= Capacity)
            return Result.Fail("", $"The program is full ({Capacity} students).");
        if (role == Roles.Mentor && !IsMentorCapacity(mentorCapacity)) return Result.Fail("MentorCapacity", MentorCapacityRange);
        Members.Add(new ProgramMember(Id, user.Id, role, role == Roles.Mentor ? mentorCapacity : 0, nowUtc));
        return Result.Ok();
    }

    private const string MentorCapacityRange = "A mentor takes 1 to 200 students.";

    private static bool IsMentorCapacity(int capacity) => capacity is >= 1 and <= 200;

    /// <summary>How many students a mentor takes from now on; never fewer than they have, so nobody has to move.</summary>
    public Result SetMentorCapacity(string mentorId, string mentorName, int capacity)
    {
        if (!IsMentorCapacity(capacity)) return Result.Fail("MentorCapacity", MentorCapacityRange);
        var students = Active.Count(m => m.Role == Roles.Student && m.MentorId == mentorId);
        if (capacity < students)
            return Result.Fail("MentorCapacity", $"{mentorName} has {students} students in this program already; the capacity cannot be lower.");
        Active.Single(m => m.UserId == mentorId && m.Role == Roles.Mentor).SetCapacity(capacity);
        return Result.Ok();
    }

    /// <summary>A student is removed (e.g. after probation); they keep their history and see why.</summary>
    public void RemoveStudent(string studentId, string reason, DateTime nowUtc) =>
        Active.Single(m => m.UserId == studentId && m.Role == Roles.Student).Leave(nowUtc, reason);

    /// <summary>A mentor leaves: they stop taking students, and their students may never be given back to them.</summary>
    public IReadOnlyList<ProgramMember> RemoveMentor(string mentorId, DateTime nowUtc)
    {
        var mentor = Active.Single(m => m.UserId == mentorId && m.Role == Roles.Mentor);
        mentor.Leave(nowUtc);
        var orphans = Active.Where(m => m.MentorId == mentorId).ToList();
        foreach (var student in orphans)
        {
            Exclusions.Add(new ProgramExclusion(Id, student.UserId, mentorId));
            student.AssignTo(null);
        }
        return orphans;
    }
}

public class ProgramMember
{
    public long Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public string Role { get; private set; } = "";
    /// <summary>For students: their mentor in this program, once assigned.</summary>
    public string? MentorId { get; private set; }
    /// <summary>For mentors: the most students they take.</summary>
    public int MentorCapacity { get; private set; }
    public DateTime JoinedUtc { get; private set; }
    public DateTime? LeftUtc { get; private set; }
    /// <summary>Set when an admin confirms a probation proposal; the student sees the reason.</summary>
    public string? ProbationReason { get; private set; }
    /// <summary>Why the member left, when they did not leave of their own accord; the student sees it.</summary>
    public string? LeftReason { get; private set; }

    public void PutOnProbation(string reason) => ProbationReason = reason;

    public ProgramMember(Guid programId, string userId, string role, int mentorCapacity, DateTime joinedUtc) =>
        (ProgramId, UserId, Role, MentorCapacity, JoinedUtc) = (programId, userId, role, mentorCapacity, joinedUtc);

    public void AssignTo(string? mentorId) => MentorId = mentorId;

    public void SetCapacity(int mentorCapacity) => MentorCapacity = mentorCapacity;

    public void Leave(DateTime nowUtc, string? reason = null) => (LeftUtc, LeftReason) = (nowUtc, reason);
}

/// <summary>A student who must not be given to this mentor again (the mentor left them).</summary>
public class ProgramExclusion
{
    public long Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public string StudentId { get; private set; } = "";
    public string MentorId { get; private set; } = "";

    public ProgramExclusion(Guid programId, string studentId, string mentorId) => (ProgramId, StudentId, MentorId) = (programId, studentId, mentorId);
}
