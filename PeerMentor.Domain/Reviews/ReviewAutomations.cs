namespace PeerMentor.Domain.Reviews;

/// <summary>A student's recent standing: their weekly review averages, most recent first.</summary>
public sealed record StudentStanding(string StudentId, string Name, IReadOnlyList<(DateOnly Week, double Average)> Weeks)
{
    /// <summary>The mean of the last two reviewed weeks: recent enough to matter, steadier than one week.</summary>
    public double Recent => Weeks.Count == 0 ? 0 : Weeks.Take(2).Average(w => w.Average);
}

public sealed record BuddyProposal(string StudentA, string StudentB, string Reason);

public sealed record ProbationProposal(string StudentId, string Reason);

public sealed record RemovalProposal(string StudentId, string Reason);

/// <summary>Proposals an admin confirms (or a program applies by itself), each with the reason people will read.</summary>
public static class ReviewAutomations
{
    /// <summary>
    /// Pairs the strongest with the weakest, the second strongest with the second weakest, and so on,
    /// by recent review points; a pair that was together last week is split by swapping with a
    /// neighbour. With an odd number, the student in the middle has no buddy this week.
    /// </summary>
    public static IReadOnlyList<BuddyProposal> PairBuddies(IReadOnlyList<StudentStanding> students, IReadOnlySet<(string, string)> lastWeek)
    {
        var ranked = students.Where(s => s.Weeks.Count > 0)
            .OrderByDescending(s => s.Recent).ThenBy(s => s.StudentId, StringComparer.Ordinal).ToList();
        var strong = ranked.Take(ranked.Count / 2).ToList();
        var weak = ranked.Skip((ranked.Count + 1) / 2).Reverse().ToList();
        for (var i = 0; i < strong.Count; i++)
        {
            if (!WereTogether(strong[i], weak[i], lastWeek)) continue;
            var swapWith = i + 1 < weak.Count ? i + 1 : i - 1;
            if (swapWith >= 0) (weak[i], weak[swapWith]) = (weak[swapWith], weak[i]);
        }
        return strong.Select((s, i) => new BuddyProposal(s.StudentId, weak[i].StudentId,
            $"{s.Name} ({s.Recent:F1}) is paired with {weak[i].Name} ({weak[i].Recent:F1}): a student doing well this fortnight with one who is finding it harder."))
            .ToList();
    }

    /// <summary>Students whose weekly average stayed below <paramref name="threshold"/> for the last <paramref name="weeks"/> reviewed weeks in a row.</summary>
    public static IReadOnlyList<ProbationProposal> Probation(IReadOnlyList<StudentStanding> students, double threshold, int weeks) =>
        BelowFor(students, threshold, weeks).Select(s => new ProbationProposal(s.StudentId, BelowReason(s, threshold, weeks))).ToList();

    /// <summary>
    /// Students on probation whose average stayed below <paramref name="threshold"/> for <paramref name="weeks"/>
    /// reviewed weeks in a row (0 weeks: never) are proposed for removal from the program.
    /// </summary>
    public static IReadOnlyList<RemovalProposal> Removal(IReadOnlyList<StudentStanding> onProbation, double threshold, int weeks) =>
        weeks == 0 ? [] : BelowFor(onProbation, threshold, weeks)
            .Select(s => new RemovalProposal(s.StudentId, BelowReason(s, threshold, weeks) + " That is past the program's limit while on probation.")).ToList();

    private static IEnumerable<StudentStanding> BelowFor(IReadOnlyList<StudentStanding> students, double threshold, int weeks) =>
        students.Where(s => s.Weeks.Count >= weeks && s.Weeks.Take(weeks).All(w => w.Average < threshold)
            && ConsecutiveWeeks(s.Weeks.Take(weeks).Select(w => w.Week).ToList()));

    private static string BelowReason(StudentStanding s, double threshold, int weeks) =>
        $"{s.Name}'s review average was below {threshold:F1} for {weeks} weeks in a row ({string.Join(", ", s.Weeks.Take(weeks).Select(w => w.Average.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}).";

    private static bool WereTogether(StudentStanding a, StudentStanding b, IReadOnlySet<(string, string)> lastWeek) =>
        lastWeek.Contains((a.StudentId, b.StudentId)) || lastWeek.Contains((b.StudentId, a.StudentId));

    private static bool ConsecutiveWeeks(IReadOnlyList<DateOnly> mostRecentFirst) =>
        mostRecentFirst.Zip(mostRecentFirst.Skip(1)).All(p => p.First.DayNumber - p.Second.DayNumber == 7);
}
