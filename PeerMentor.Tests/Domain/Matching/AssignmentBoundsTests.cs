using PeerMentor.Domain.Matching;
using static PeerMentor.Tests.Domain.Matching.RandomInstances;

namespace PeerMentor.Tests.Domain.Matching;

/// <summary>Seeded random programs too large for brute force, held to rules and bounds that hold by proof.</summary>
public class AssignmentBoundsTests
{
    private sealed record Run(int Seed, Instance Instance, AssignmentResult Result);

    /// <summary>10 to 300 students over 2 to 20 mentors, in the given capacity situation.</summary>
    private static Run[] MediumPrograms(Capacity capacity, bool withCurrentStudents = true, double forbiddenShare = 0) =>
        Enumerable.Range(0, 400).Select(seed =>
        {
            var random = new Random(seed);
            var instance = Create(random, random.Next(10, 301), random.Next(2, 21), capacity, withCurrentStudents, forbiddenShare);
            return new Run(seed, instance, MentorAssignment.Assign(instance.Students, instance.Mentors, instance.Forbidden));
        }).ToArray();

    [Fact]
    public void The_makespan_is_never_below_the_lower_bound()
    {
        var violations = MediumPrograms(Capacity.Tight)
            .Where(r => r.Result.Makespan < r.Result.LowerBound)
            .Select(r => $"seed {r.Seed}: makespan {r.Result.Makespan} < bound {r.Result.LowerBound}");
        Assert.Empty(violations);
    }

    [Fact]
    public void With_ample_places_the_makespan_exceeds_the_lower_bound_by_less_than_the_most_experienced_student()
    {
        // The greedy puts each student on a least-loaded group, whose load is at most the average, hence at most the
        // bound; so the makespan group ends at most one student's experience above it (or at a current load, which
        // the bound covers). The search never raises the makespan. Holds whenever no mentor runs out of places.
        var violations = MediumPrograms(Capacity.Ample)
            .Where(r => r.Result.Makespan > r.Result.LowerBound + r.Instance.MaxExperience)
            .Select(r => $"seed {r.Seed}: makespan {r.Result.Makespan}, bound {r.Result.LowerBound}, max experience {r.Instance.MaxExperience}");
        Assert.Empty(violations);
    }

    [Fact]
    public void With_enough_places_every_student_joins_exactly_one_group()
    {
        var violations = MediumPrograms(Capacity.Tight)
            .Where(r => !r.Result.Groups.SelectMany(g => g.NewStudentIds).Order().SequenceEqual(r.Instance.Students.Select(s => s.Id).Order()))
            .Select(r => $"seed {r.Seed}");
        Assert.Empty(violations);
    }

    [Fact]
    public void No_group_grows_beyond_its_mentors_capacity()
    {
        var violations = MediumPrograms(Capacity.Short)
            .SelectMany(r => r.Result.Groups.Select(g => (r.Seed, Group: g, r.Instance.Mentor(g.MentorId).Capacity)))
            .Where(x => x.Group.GroupSize > x.Capacity)
            .Select(x => $"seed {x.Seed}: {x.Group.MentorId} has {x.Group.GroupSize} of {x.Capacity}");
        Assert.Empty(violations);
    }

    [Fact]
    public void When_places_run_short_every_free_place_is_filled_and_the_rest_are_told_why()
    {
        var violations = MediumPrograms(Capacity.Short)
            .Where(r => r.Result.Unplaced.Count != r.Instance.Students.Length - r.Instance.Mentors.Sum(m => m.Capacity - m.CurrentStudents.Count)
                || r.Result.Unplaced.Any(u => u.Reason != MentorAssignment.AllMentorsFull))
            .Select(r => $"seed {r.Seed}: {r.Result.Unplaced.Count} unplaced");
        Assert.Empty(violations);
    }

    [Fact]
    public void Forbidden_pairs_are_never_assigned()
    {
        var violations = MediumPrograms(Capacity.Ample, forbiddenShare: 0.3)
            .SelectMany(r => r.Result.Groups
                .SelectMany(g => g.NewStudentIds.Select(s => new ForbiddenPair(s, g.MentorId)))
                .Intersect(r.Instance.Forbidden)
                .Select(pair => $"seed {r.Seed}: {pair}"));
        Assert.Empty(violations);
    }

    [Fact]
    public void Programs_of_about_twenty_students_per_mentor_reach_the_lower_bound()
    {
        var misses = Enumerable.Range(0, 100).Select(seed =>
        {
            var random = new Random(seed);
            var mentors = random.Next(2, 41);
            var instance = Create(random, 20 * mentors, mentors);
            return (Seed: seed, Result: MentorAssignment.Assign(instance.Students, instance.Mentors));
        })
            .Where(r => r.Result.Makespan != r.Result.LowerBound)
            .Select(r => $"seed {r.Seed}: makespan {r.Result.Makespan}, bound {r.Result.LowerBound}");
        Assert.Empty(misses);
    }
}
