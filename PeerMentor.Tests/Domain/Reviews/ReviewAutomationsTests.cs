using PeerMentor.Domain.Reviews;

namespace PeerMentor.Tests.Domain.Reviews;

public class ReviewAutomationsTests
{
    private static readonly DateOnly Week3 = new(2026, 11, 23);

    private static StudentStanding Student(string id, params double[] averagesMostRecentFirst) =>
        new(id, id.ToUpperInvariant(), averagesMostRecentFirst.Select((a, i) => (Week3.AddDays(-7 * i), a)).ToList());

    private static readonly HashSet<(string, string)> NoneLastWeek = [];

    [Fact]
    public void The_strongest_student_is_paired_with_the_weakest_and_so_on_inwards()
    {
        var pairs = ReviewAutomations.PairBuddies([Student("a", 9), Student("b", 3), Student("c", 7), Student("d", 5)], NoneLastWeek);

        Assert.Equal([("a", "b"), ("c", "d")], pairs.Select(p => (p.StudentA, p.StudentB)));
    }

    [Fact]
    public void Every_proposal_says_why_in_words_people_can_read() =>
        Assert.Contains("finding it harder", ReviewAutomations.PairBuddies([Student("a", 9), Student("b", 3)], NoneLastWeek)[0].Reason);

    [Fact]
    public void Last_weeks_pair_is_not_repeated()
    {
        var students = new[] { Student("a", 9), Student("b", 3), Student("c", 7), Student("d", 5) };

        var pairs = ReviewAutomations.PairBuddies(students, new HashSet<(string, string)> { ("b", "a") });

        Assert.DoesNotContain(pairs, p => (p.StudentA, p.StudentB) is ("a", "b") or ("b", "a"));
        Assert.Equal(2, pairs.Count);
    }

    [Fact]
    public void With_an_odd_number_the_middle_student_has_no_buddy_and_nobody_is_paired_twice()
    {
        var pairs = ReviewAutomations.PairBuddies([Student("a", 9), Student("b", 3), Student("c", 6)], NoneLastWeek);

        Assert.Equal([("a", "b")], pairs.Select(p => (p.StudentA, p.StudentB)));
    }

    [Fact]
    public void Probation_is_proposed_after_the_set_number_of_consecutive_weeks_below_the_threshold()
    {
        var proposals = ReviewAutomations.Probation([Student("low", 3.5, 3.8), Student("once", 3.0, 6.0), Student("new", 2.0)], threshold: 4, weeks: 2);

        var proposal = Assert.Single(proposals);
        Assert.Equal("low", proposal.StudentId);
        Assert.Contains("3.5, 3.8", proposal.Reason);
    }

    [Fact]
    public void A_gap_week_breaks_the_run()
    {
        var gapped = new StudentStanding("gap", "Gap", [(Week3, 3.0), (Week3.AddDays(-14), 3.0)]);

        Assert.Empty(ReviewAutomations.Probation([gapped], threshold: 4, weeks: 2));
    }

    [Fact]
    public void Removal_needs_the_full_run_of_low_weeks_and_none_when_the_program_never_removes()
    {
        var onProbation = new[] { Student("low", 3, 2, 3), Student("recovering", 5, 2, 3), Student("short", 3, 2) };

        Assert.Equal(["low"], ReviewAutomations.Removal(onProbation, 4, 3).Select(r => r.StudentId));
        Assert.Empty(ReviewAutomations.Removal(onProbation, 4, 0));
    }

    [Theory]
    [InlineData(11, 2, 4, "ProbationThreshold")]
    [InlineData(4, 0, 4, "ProbationWeeks")]
    [InlineData(4, 3, 3, "RemovalWeeks")]
    [InlineData(4, 2, 27, "RemovalWeeks")]
    public void Automation_settings_out_of_range_are_refused_on_their_field_and_change_nothing(double threshold, int probationWeeks, int removalWeeks, string field)
    {
        var program = PeerMentor.Domain.Programs.MentoringProgram.Create("Cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10, DateTime.UtcNow).Program!;

        var result = program.SetAutomations(threshold, probationWeeks, removalWeeks, appliesItself: true);

        Assert.NotEmpty(result.For(field));
        Assert.Equal((4.0, 2, 4, false), (program.ProbationThreshold, program.ProbationWeeks, program.RemovalWeeks, program.AppliesAutomationsItself));
    }
}
