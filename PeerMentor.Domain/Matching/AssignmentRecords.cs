namespace PeerMentor.Domain.Matching;

/// <summary>A student as the assignment sees them: who, and how many years of experience they bring.</summary>
public sealed record StudentExperience(string Id, int ExperienceYears);

/// <summary>
/// A mentor with the most students they take (<paramref name="Capacity"/>, counting the ones they already have)
/// and their current students, who stay where they are.
/// </summary>
public sealed record MentorGroup(string Id, int Capacity, IReadOnlyList<StudentExperience> CurrentStudents);

/// <summary>A student who must never be given to this mentor, e.g. because the mentor left them.</summary>
public sealed record ForbiddenPair(string StudentId, string MentorId);

/// <summary>One mentor's group after the run: size, total and average count current and new students together.</summary>
public sealed record AssignedGroup(string MentorId, IReadOnlyList<string> NewStudentIds, int GroupSize, int TotalExperience, double AverageExperience);

public sealed record UnplacedStudent(string StudentId, string Reason);

/// <summary>
/// Groups in ordinal mentor-id order. <see cref="Ratio"/> is makespan over lower bound: 1.0 means provably
/// optimal; above 1.0 the optimum lies somewhere between the two.
/// </summary>
public sealed record AssignmentResult(IReadOnlyList<AssignedGroup> Groups, int Makespan, int LowerBound, IReadOnlyList<UnplacedStudent> Unplaced)
{
    public double Ratio => LowerBound == 0 ? 1.0 : (double)Makespan / LowerBound;

    /// <summary>Each newly placed student with their mentor, group by group.</summary>
    public IEnumerable<Placement> Placements => Groups.SelectMany(g => g.NewStudentIds.Select(id => new Placement(id, g.MentorId)));
}

public sealed record Placement(string StudentId, string MentorId);

/// <summary>What an assignment works on: the students to place, the mentors with their groups, the pairs never to make.</summary>
public sealed record AssignmentInstance(IReadOnlyList<StudentExperience> Students, IReadOnlyList<MentorGroup> Mentors, IReadOnlyCollection<ForbiddenPair> Forbidden)
{
    public AssignmentResult Solve() => MentorAssignment.Assign(Students, Mentors, Forbidden);
}
