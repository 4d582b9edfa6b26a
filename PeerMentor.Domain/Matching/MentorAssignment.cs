namespace PeerMentor.Domain.Matching;

/// <summary>
/// Spreads students without a mentor over a program's mentors so that groups carry nearly the same experience.
/// <para>
/// Objective, in order: (1) minimise the makespan, the largest total experience of any group, current and new
/// students together (multiway number partitioning with cardinality capacities, NP-hard); (2) among equal
/// makespans, make group sizes as even as possible (smallest sum of squared sizes); (3) then minimise the spread,
/// largest total minus smallest total. Capacities and forbidden pairs are hard rules; current students never move.
/// </para>
/// <para>
/// Method: LPT greedy (<see cref="InitialPlacement"/>), then moves and pairwise swaps between groups while any
/// improves the objective (<see cref="LocalImprovement"/>). Same input, in any order, gives the same output:
/// every tie is broken by ordinal id. When places run out, the most students that capacities and forbidden pairs
/// allow are placed; students are taken in LPT order, so with capacity alone the least experienced are left out.
/// </para>
/// <para>
/// Lower bound shown next to the result, for the students placed: the largest of
/// (a) the largest current total of any mentor, since current students stay;
/// (b) for each placed student, their experience plus the smallest current total among mentors who had a free
///     place and may take them, since they land in one of those groups;
/// (c) ceil(all experience / number of mentors), since the largest group is at least the average and a whole number.
/// Every assignment of those students, optimal ones included, has a makespan at least this large. Capacities are
/// ignored by (b) beyond "had a free place" and by (c), which keeps the bound valid but can make it loose when
/// capacities bind: then a ratio above 1 may overstate the distance from the optimum.
/// </para>
/// </summary>
public static class MentorAssignment
{
    public const string NoMentors = "no mentors in this program";
    public const string AllMentorsExcluded = "every mentor in this program is excluded for this student";
    public const string AllMentorsFull = "all mentors this student may join are full";

    public static AssignmentResult Assign(IReadOnlyList<StudentExperience> students, IReadOnlyList<MentorGroup> mentors,
        IReadOnlyCollection<ForbiddenPair>? forbidden = null)
    {
        Validate(students, mentors);
        var orderedStudents = students.ToArray();
        Array.Sort(orderedStudents, (x, y) => x.ExperienceYears != y.ExperienceYears
            ? y.ExperienceYears.CompareTo(x.ExperienceYears)
            : string.CompareOrdinal(x.Id, y.Id));
        var orderedMentors = mentors.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
        if (orderedMentors.Length == 0)
            return new AssignmentResult([], 0, 0, orderedStudents.Select(s => new UnplacedStudent(s.Id, NoMentors)).ToArray());

        var barred = BarredMentors(orderedStudents, orderedMentors, forbidden ?? []);
        var currentLoad = orderedMentors.Select(m => m.CurrentStudents.Sum(s => s.ExperienceYears)).ToArray();
        var currentSize = orderedMentors.Select(m => m.CurrentStudents.Count).ToArray();
        var partition = new Partition(orderedStudents.Select(s => s.ExperienceYears).ToArray(), barred,
            currentLoad, currentSize, orderedMentors.Select(m => m.Capacity).ToArray());
        var openAtStart = partition.Free.Select(f => f > 0).ToArray();

        var unplaced = InitialPlacement.Run(partition);
        LocalImprovement.Run(partition, maxSteps: 20 * (orderedStudents.Length + orderedMentors.Length));

        var groups = orderedMentors.Select((mentor, j) => Describe(mentor, j, partition, orderedStudents)).ToArray();
        var lowerBound = LowerBound(partition, currentLoad, openAtStart, barred);
        var reasons = unplaced.Select(s => new UnplacedStudent(orderedStudents[s].Id,
            barred[s]?.Length == orderedMentors.Length ? AllMentorsExcluded : AllMentorsFull)).ToArray();
        return new AssignmentResult(groups, partition.Current.Makespan, lowerBound, reasons);
    }

    /// <summary>
    /// A mentor leaves: their students are spread over the other mentors (whose groups stay as they are, only
    /// growing), and never given back to the one who left. The result covers the remaining mentors.
    /// </summary>
    public static AssignmentResult ReassignAfterMentorLeaves(string leavingMentorId, IReadOnlyList<MentorGroup> mentors,
        IReadOnlyCollection<ForbiddenPair>? forbidden = null)
    {
        var leaving = mentors.SingleOrDefault(m => m.Id == leavingMentorId)
            ?? throw new ArgumentException($"Mentor {leavingMentorId} is not among the mentors given.", nameof(leavingMentorId));
        var barred = (forbidden ?? []).Concat(leaving.CurrentStudents.Select(s => new ForbiddenPair(s.Id, leaving.Id))).ToArray();
        return Assign(leaving.CurrentStudents, mentors.Where(m => m.Id != leavingMentorId).ToArray(), barred);
    }

    private static AssignedGroup Describe(MentorGroup mentor, int index, Partition partition, StudentExperience[] students)
    {
        var members = partition.NewStudentsOf(index);
        var newIds = new string[members.Count];
        for (var i = 0; i < newIds.Length; i++) newIds[i] = students[members[i]].Id;
        Array.Sort(newIds, StringComparer.Ordinal);
        var (size, total) = (partition.Size[index], partition.Load[index]);
        return new AssignedGroup(mentor.Id, newIds, size, total, size == 0 ? 0 : (double)total / size);
    }

    private static int LowerBound(Partition partition, int[] currentLoad, bool[] openAtStart, int[]?[] barred)
    {
        var mentorCount = currentLoad.Length;
        var open = Enumerable.Range(0, mentorCount).Where(j => openAtStart[j]).ToArray();
        var lightestOpen = open.Length == 0 ? 0 : open.Min(j => currentLoad[j]);
        var total = currentLoad.Sum();
        var bound = currentLoad.Max();
        for (var student = 0; student < partition.StudentCount; student++)
        {
            if (partition.GroupOf[student] < 0) continue;
            total += partition.Experience(student);
            var lightest = barred[student] is null
                ? lightestOpen
                : open.Where(j => partition.IsAllowed(student, j)).Min(j => currentLoad[j]);
            bound = Math.Max(bound, partition.Experience(student) + lightest);
        }
        return Math.Max(bound, (total + mentorCount - 1) / mentorCount);
    }

    /// <summary>Per student (in the ordered numbering), the mentor indexes they may not join, or null for none.</summary>
    private static int[]?[] BarredMentors(StudentExperience[] students, MentorGroup[] mentors, IReadOnlyCollection<ForbiddenPair> forbidden)
    {
        var barred = new int[]?[students.Length];
        if (forbidden.Count == 0) return barred;
        var studentIndex = students.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var mentorIndex = mentors.Select((m, j) => (m.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        // Pairs naming people outside this run are harmless history (e.g. a mentor who left long ago).
        foreach (var group in forbidden
            .Where(p => studentIndex.ContainsKey(p.StudentId) && mentorIndex.ContainsKey(p.MentorId))
            .GroupBy(p => studentIndex[p.StudentId]))
        {
            barred[group.Key] = group.Select(p => mentorIndex[p.MentorId]).Distinct().Order().ToArray();
        }
        return barred;
    }

    private static void Validate(IReadOnlyList<StudentExperience> students, IReadOnlyList<MentorGroup> mentors)
    {
        var mentorIds = new HashSet<string>(mentors.Count, StringComparer.Ordinal);
        foreach (var mentor in mentors)
        {
            if (!mentorIds.Add(mentor.Id)) throw new ArgumentException("Mentor ids must be unique.", nameof(mentors));
            if (mentor.Capacity < 0) throw new ArgumentException("A mentor's capacity cannot be negative.", nameof(mentors));
        }
        var studentIds = new HashSet<string>(students.Count, StringComparer.Ordinal);
        foreach (var mentor in mentors)
        {
            foreach (var student in mentor.CurrentStudents) CheckStudent(student);
        }
        foreach (var student in students) CheckStudent(student);

        void CheckStudent(StudentExperience student)
        {
            if (student.ExperienceYears < 0)
                throw new ArgumentException("Experience cannot be negative.", nameof(students));
            if (!studentIds.Add(student.Id))
                throw new ArgumentException("Each student may appear once, either to place or in one mentor's group.", nameof(students));
        }
    }
}
