using PeerMentor.Domain.Matching;
using static PeerMentor.Tests.Domain.Matching.RandomInstances;

namespace PeerMentor.Tests.Domain.Matching;

public class PlanAdjustmentTests
{
    /// <summary>Students of 5, 3 and 2 years; mentors a and b. The solver proposes a: {s1}, b: {s2, s3}, makespan 5 = lower bound.</summary>
    private static AssignmentInstance Instance(int capacityOfA = 30, params ForbiddenPair[] forbidden) => new(
        [new("s1", 5), new("s2", 3), new("s3", 2)],
        [new MentorGroup("a", capacityOfA, []), new MentorGroup("b", 30, [])],
        forbidden);

    private static string Describe(AssignmentResult plan) =>
        string.Join(" | ", plan.Groups.Select(g => $"{g.MentorId}: [{string.Join(",", g.NewStudentIds)}] {g.GroupSize} {g.TotalExperience} {g.AverageExperience:F1}"))
        + $" | makespan {plan.Makespan} bound {plan.LowerBound}";

    [Fact]
    public void Moving_a_student_recomputes_both_groups_and_the_makespan_against_the_same_lower_bound()
    {
        var instance = Instance();
        var proposed = instance.Solve();

        var (result, moved) = PlanAdjustment.Move(instance, proposed, "s2", "a");

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("a: [s1,s2] 2 8 4.0 | b: [s3] 1 2 2.0 | makespan 8 bound 5", Describe(moved!));
        Assert.Equal(1.6, moved!.Ratio, 3);
    }

    [Fact]
    public void Moving_the_student_back_restores_the_proposed_figures()
    {
        var instance = Instance();
        var proposed = instance.Solve();

        var (_, there) = PlanAdjustment.Move(instance, proposed, "s2", "a");
        var (_, back) = PlanAdjustment.Move(instance, there!, "s2", "b");

        Assert.Equal(Describe(proposed), Describe(back!));
    }

    [Fact]
    public void Current_students_count_in_the_recomputed_groups()
    {
        var instance = new AssignmentInstance([new("s1", 4)], [new MentorGroup("a", 30, [new("old", 6)]), new MentorGroup("b", 30, [])], []);

        var (_, moved) = PlanAdjustment.Move(instance, instance.Solve(), "s1", "a");

        Assert.Equal("a: [s1] 2 10 5.0 | b: [] 0 0 0.0 | makespan 10 bound 6", Describe(moved!));
    }

    [Fact]
    public void The_figures_of_the_solvers_own_plan_are_the_solvers_figures()
    {
        var mismatches = Enumerable.Range(0, 100).Select(seed =>
        {
            var random = new Random(seed);
            var generated = Create(random, random.Next(0, 30), random.Next(1, 6), Capacity.Short, withCurrentStudents: true, forbiddenShare: 0.2);
            var instance = new AssignmentInstance(generated.Students, generated.Mentors, generated.Forbidden);
            var proposed = instance.Solve();
            var recomputed = PlanAdjustment.Figures(instance, proposed.Placements, proposed.LowerBound, proposed.Unplaced);
            return Describe(recomputed) == Describe(proposed) ? null : $"seed {seed}";
        }).OfType<string>();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void A_move_to_a_full_mentor_is_refused_naming_the_mentor_and_their_capacity()
    {
        var instance = Instance(capacityOfA: 1);

        var (result, moved) = PlanAdjustment.Move(instance, instance.Solve(), "s2", "a", id => id == "a" ? "Ana Mentor" : "Sam Student");

        Assert.Null(moved);
        Assert.Equal("Ana Mentor is full (takes at most 1 student), so Sam Student cannot join them.", result.Summary);
    }

    [Fact]
    public void A_move_to_a_mentor_the_student_is_excluded_from_is_refused()
    {
        var instance = Instance(30, new ForbiddenPair("s2", "a"));

        var (result, moved) = PlanAdjustment.Move(instance, instance.Solve(), "s2", "a");

        Assert.Null(moved);
        Assert.Equal("s2 cannot join a: that mentor left them earlier in this program.", result.Summary);
    }

    [Fact]
    public void Only_students_the_plan_places_can_be_moved()
    {
        var instance = Instance();

        var (result, moved) = PlanAdjustment.Move(instance, instance.Solve(), "someone", "a");

        Assert.Null(moved);
        Assert.Contains("not one of the students this plan places", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Checking_an_adjusted_plan_keeps_the_adjustment_and_the_instances_lower_bound()
    {
        var instance = Instance();
        var (_, adjusted) = PlanAdjustment.Move(instance, instance.Solve(), "s2", "a");

        var (result, checkedPlan) = PlanAdjustment.Check(instance, adjusted!);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal(Describe(adjusted!), Describe(checkedPlan!));
    }

    [Fact]
    public void A_plan_made_before_a_student_joined_is_refused()
    {
        var plan = Instance().Solve();
        var now = Instance() with { Students = [new("s1", 5), new("s2", 3), new("s3", 2), new("late", 1)] };

        var (result, checkedPlan) = PlanAdjustment.Check(now, plan);

        Assert.Null(checkedPlan);
        Assert.Equal("late joined the program without a mentor after this plan was made. Preview the assignment again.", result.Summary);
    }

    [Fact]
    public void A_plan_placing_a_student_who_has_since_got_a_mentor_is_refused()
    {
        var plan = Instance().Solve();
        var now = new AssignmentInstance([new("s1", 5), new("s2", 3)], [new MentorGroup("a", 30, []), new MentorGroup("b", 30, [new("s3", 2)])], []);

        var (result, _) = PlanAdjustment.Check(now, plan);

        Assert.Equal("s3 is no longer a student without a mentor in this program. Preview the assignment again.", result.Summary);
    }

    [Fact]
    public void A_plan_giving_students_to_a_mentor_who_has_left_is_refused()
    {
        var plan = Instance().Solve();
        var now = Instance() with { Mentors = [new MentorGroup("b", 30, [])] };

        var (result, _) = PlanAdjustment.Check(now, plan);

        Assert.Equal("a is no longer a mentor in this program. Preview the assignment again.", result.Summary);
    }

    [Fact]
    public void A_plan_over_a_capacity_lowered_since_is_refused()
    {
        var (_, plan) = PlanAdjustment.Move(Instance(), Instance().Solve(), "s2", "a");

        var (result, _) = PlanAdjustment.Check(Instance(capacityOfA: 1), plan!);

        Assert.Contains("a is full (takes at most 1 student)", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_leaves_out_a_student_who_could_be_placed_is_refused()
    {
        var proposed = Instance().Solve();
        var tampered = proposed with
        {
            Groups = proposed.Groups.Select(g => g with { NewStudentIds = g.NewStudentIds.Where(id => id != "s3").ToArray() }).ToArray(),
            Unplaced = [new UnplacedStudent("s3", MentorAssignment.AllMentorsFull)],
        };

        var (result, _) = PlanAdjustment.Check(Instance(), tampered);

        Assert.Contains("room for 1 more", result.Summary, StringComparison.Ordinal);
    }
}
