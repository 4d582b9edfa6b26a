namespace PeerMentor.Domain.Matching;

/// <summary>
/// An admin's changes by hand to a proposed assignment. A plan is checked against the instance as it is now
/// (its students without a mentor, its mentors' capacities and groups, the forbidden pairs) and its figures are
/// recomputed from its placements. The lower bound stays the instance's, so the ratio shows what a change costs.
/// </summary>
public static class PlanAdjustment
{
    private const string PreviewAgain = "Preview the assignment again.";

    /// <summary>The plan with one of its new students moved to another mentor, or a refusal saying why.</summary>
    public static (Result Result, AssignmentResult? Plan) Move(AssignmentInstance instance, AssignmentResult plan,
        string studentId, string mentorId, Func<string, string>? name = null)
    {
        name ??= id => id;
        var placements = plan.Placements.ToList();
        var index = placements.FindIndex(p => p.StudentId == studentId);
        if (index < 0) return Refuse($"{name(studentId)} is not one of the students this plan places, so they cannot be moved.");
        if (placements[index].MentorId == mentorId) return (Result.Ok(), plan);
        placements.RemoveAt(index);
        // Last, so that when a group overflows the message names the student being moved.
        placements.Add(new Placement(studentId, mentorId));
        return Refusal(instance, placements, plan.Unplaced, name) is { } refusal
            ? Refuse(refusal)
            : (Result.Ok(), Figures(instance, placements, plan.LowerBound, plan.Unplaced));
    }

    /// <summary>
    /// The plan as it would be applied now: refused when it breaks a capacity or a forbidden pair, or when the
    /// program changed since it was made; otherwise recomputed with the instance's lower bound.
    /// </summary>
    public static (Result Result, AssignmentResult? Plan) Check(AssignmentInstance instance, AssignmentResult plan, Func<string, string>? name = null)
    {
        name ??= id => id;
        var placements = plan.Placements.ToList();
        if (Refusal(instance, placements, plan.Unplaced, name) is { } refusal) return Refuse(refusal);
        var best = instance.Solve();
        var missing = best.Placements.Count() - placements.Count;
        if (missing > 0)
            return Refuse($"Mentors now have room for {missing} more of the students this plan leaves without a mentor. {PreviewAgain}");
        var reasons = best.Unplaced.ToDictionary(u => u.StudentId, StringComparer.Ordinal);
        var unplaced = plan.Unplaced.Select(u => reasons.GetValueOrDefault(u.StudentId) ?? new UnplacedStudent(u.StudentId, MentorAssignment.AllMentorsFull)).ToArray();
        return (Result.Ok(), Figures(instance, placements, best.LowerBound, unplaced));
    }

    /// <summary>Every mentor's group (in ordinal id order) with these placements added, and the largest group total.</summary>
    public static AssignmentResult Figures(AssignmentInstance instance, IEnumerable<Placement> placements, int lowerBound, IReadOnlyList<UnplacedStudent> unplaced)
    {
        var experience = instance.Students.ToDictionary(s => s.Id, s => s.ExperienceYears, StringComparer.Ordinal);
        var newStudents = placements.ToLookup(p => p.MentorId, p => p.StudentId, StringComparer.Ordinal);
        var groups = instance.Mentors.OrderBy(m => m.Id, StringComparer.Ordinal).Select(mentor =>
        {
            var ids = newStudents[mentor.Id].Order(StringComparer.Ordinal).ToArray();
            var size = mentor.CurrentStudents.Count + ids.Length;
            var total = mentor.CurrentStudents.Sum(s => s.ExperienceYears) + ids.Sum(id => experience[id]);
            return new AssignedGroup(mentor.Id, ids, size, total, size == 0 ? 0 : (double)total / size);
        }).ToArray();
        return new AssignmentResult(groups, groups.Length == 0 ? 0 : groups.Max(g => g.TotalExperience), lowerBound, unplaced);
    }

    private static string? Refusal(AssignmentInstance instance, List<Placement> placements, IReadOnlyList<UnplacedStudent> unplaced, Func<string, string> name)
    {
        var toPlace = instance.Students.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in placements.Select(p => p.StudentId).Concat(unplaced.Select(u => u.StudentId)))
        {
            if (!toPlace.Contains(id)) return $"{name(id)} is no longer a student without a mentor in this program. {PreviewAgain}";
            if (!seen.Add(id)) return $"{name(id)} appears more than once in this plan. {PreviewAgain}";
        }
        if (toPlace.FirstOrDefault(id => !seen.Contains(id)) is { } newcomer)
            return $"{name(newcomer)} joined the program without a mentor after this plan was made. {PreviewAgain}";

        var mentors = instance.Mentors.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var size = instance.Mentors.ToDictionary(m => m.Id, m => m.CurrentStudents.Count, StringComparer.Ordinal);
        var forbidden = instance.Forbidden.ToHashSet();
        foreach (var (studentId, mentorId) in placements)
        {
            if (!mentors.TryGetValue(mentorId, out var mentor)) return $"{name(mentorId)} is no longer a mentor in this program. {PreviewAgain}";
            if (forbidden.Contains(new ForbiddenPair(studentId, mentorId)))
                return $"{name(studentId)} cannot join {name(mentorId)}: that mentor left them earlier in this program.";
            if (++size[mentorId] > mentor.Capacity)
                return $"{name(mentorId)} is full (takes at most {mentor.Capacity} {(mentor.Capacity == 1 ? "student" : "students")}), so {name(studentId)} cannot join them.";
        }
        return null;
    }

    private static (Result, AssignmentResult?) Refuse(string message) => (Result.Fail("", message), null);
}
