using System.Text.Json;
using PeerMentor.Domain.Matching;

namespace PeerMentor.Tests.Domain.Matching;

public class MentorAssignmentTests
{
    private static StudentExperience[] Students(params int[] experience) =>
        experience.Select((x, i) => new StudentExperience($"s{i + 1}", x)).ToArray();

    private static MentorGroup Mentor(string id, int capacity = 30, params StudentExperience[] current) => new(id, capacity, current);

    private static AssignedGroup Group(AssignmentResult result, string mentorId) => result.Groups.Single(g => g.MentorId == mentorId);

    [Fact]
    public void Swaps_fix_what_the_greedy_gets_wrong()
    {
        // LPT alone ends at 17 / 13 here; the optimum splits 30 years as {8, 7} and {6, 5, 4}.
        var result = MentorAssignment.Assign(Students(8, 7, 6, 5, 4), [Mentor("a"), Mentor("b")]);

        Assert.Equal([15, 15], result.Groups.Select(g => g.TotalExperience));
    }

    [Fact]
    public void Students_with_equal_experience_are_spread_evenly_over_the_groups()
    {
        var result = MentorAssignment.Assign(Students(0, 0, 0, 0, 0, 0, 0, 0, 0), [Mentor("a"), Mentor("b"), Mentor("c")]);

        Assert.Equal([3, 3, 3], result.Groups.Select(g => g.GroupSize));
    }

    [Fact]
    public void A_group_reports_its_size_total_and_average_including_current_students()
    {
        var result = MentorAssignment.Assign(Students(4), [Mentor("a", 30, new StudentExperience("old", 2))]);

        var group = Group(result, "a");
        Assert.Equal((2, 6, 3.0), (group.GroupSize, group.TotalExperience, group.AverageExperience));
    }

    [Fact]
    public void Current_students_count_towards_a_groups_load()
    {
        var result = MentorAssignment.Assign(Students(5, 5), [Mentor("a", 30, new StudentExperience("old", 10)), Mentor("b")]);

        Assert.Equal(["s1", "s2"], Group(result, "b").NewStudentIds);
    }

    [Fact]
    public void A_full_mentor_gets_no_one_even_with_the_lightest_group()
    {
        var result = MentorAssignment.Assign(Students(9, 9, 9), [Mentor("a", 1, new StudentExperience("old", 0)), Mentor("b")]);

        Assert.Empty(Group(result, "a").NewStudentIds);
    }

    [Fact]
    public void Students_beyond_the_free_places_are_left_out_with_a_reason()
    {
        var result = MentorAssignment.Assign(Students(3, 2, 1), [Mentor("a", 1), Mentor("b", 1)]);

        Assert.Equal([new UnplacedStudent("s3", "all mentors this student may join are full")], result.Unplaced);
    }

    [Fact]
    public void Without_mentors_every_student_is_left_out_and_nothing_throws()
    {
        var result = MentorAssignment.Assign(Students(3, 2), []);

        Assert.Equal(
            [new UnplacedStudent("s1", "no mentors in this program"), new UnplacedStudent("s2", "no mentors in this program")],
            result.Unplaced);
    }

    [Fact]
    public void A_student_excluded_from_every_mentor_is_left_out_with_that_reason()
    {
        var result = MentorAssignment.Assign(Students(3), [Mentor("a"), Mentor("b")], [new("s1", "a"), new("s1", "b")]);

        Assert.Equal([new UnplacedStudent("s1", MentorAssignment.AllMentorsExcluded)], result.Unplaced);
    }

    [Fact]
    public void A_placed_student_moves_over_to_make_room_for_one_who_may_only_join_a_full_mentor()
    {
        // The greedy first puts s1 with a (lighter, first by id); s2 may not join b, so s1 must shift to b.
        var result = MentorAssignment.Assign(Students(5, 3), [Mentor("a", 1), Mentor("b", 1)], [new("s2", "b")]);

        Assert.Equal(["a:s2", "b:s1"], result.Groups.SelectMany(g => g.NewStudentIds.Select(id => $"{g.MentorId}:{id}")));
    }

    [Fact]
    public void The_lower_bound_is_the_average_group_total_rounded_up()
    {
        var result = MentorAssignment.Assign(Students(3, 3, 3, 2), [Mentor("a"), Mentor("b"), Mentor("c")]);

        Assert.Equal(4, result.LowerBound);
    }

    [Fact]
    public void The_lower_bound_counts_the_heaviest_current_group()
    {
        var result = MentorAssignment.Assign(Students(1, 1), [Mentor("a", 30, new StudentExperience("old", 20)), Mentor("b")]);

        Assert.Equal(20, result.LowerBound);
    }

    [Fact]
    public void The_lower_bound_counts_a_student_on_top_of_the_lightest_group_they_may_join()
    {
        var result = MentorAssignment.Assign(Students(10),
            [Mentor("a", 30, new StudentExperience("x", 4)), Mentor("b", 30, new StudentExperience("y", 6))], [new("s1", "a")]);

        Assert.Equal(16, result.LowerBound);
    }

    [Fact]
    public void A_makespan_equal_to_the_lower_bound_has_ratio_one()
    {
        var result = MentorAssignment.Assign(Students(4, 4), [Mentor("a"), Mentor("b")]);

        Assert.Equal((4, 4, 1.0), (result.Makespan, result.LowerBound, result.Ratio));
    }

    [Fact]
    public void The_same_program_in_any_order_gets_the_same_result()
    {
        var random = new Random(7);
        var instance = RandomInstances.Create(random, 60, 7, RandomInstances.Capacity.Tight, withCurrentStudents: true, forbiddenShare: 0.1);
        var first = MentorAssignment.Assign(instance.Students, instance.Mentors, instance.Forbidden);

        var shuffled = MentorAssignment.Assign(
            instance.Students.OrderBy(_ => random.Next()).ToArray(),
            instance.Mentors.OrderBy(_ => random.Next()).ToArray(),
            instance.Forbidden.OrderBy(_ => random.Next()).ToArray());

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(shuffled));
    }

    [Fact]
    public void Students_who_join_later_are_placed_without_moving_anyone_already_placed()
    {
        var mentors = new[] { Mentor("a", 5), Mentor("b", 5), Mentor("c", 5) };
        var first = MentorAssignment.Assign(Students(9, 8, 7, 3, 2, 1), mentors);
        var placed = Students(9, 8, 7, 3, 2, 1).ToDictionary(s => s.Id);
        var withGroups = mentors.Select(m => m with { CurrentStudents = Group(first, m.Id).NewStudentIds.Select(id => placed[id]).ToArray() }).ToArray();

        var later = MentorAssignment.Assign([new("late1", 6), new("late2", 0)], withGroups);

        Assert.Equal(["late1", "late2"], later.Groups.SelectMany(g => g.NewStudentIds).Order());
        Assert.All(later.Groups, g => Assert.Equal(Group(first, g.MentorId).TotalExperience + g.NewStudentIds.Sum(id => id == "late1" ? 6 : 0), g.TotalExperience));
    }

    [Fact]
    public void A_student_listed_twice_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() =>
            MentorAssignment.Assign(Students(1), [Mentor("a", 30, new StudentExperience("s1", 2))]));
    }
}
