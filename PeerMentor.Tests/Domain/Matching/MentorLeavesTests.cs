using PeerMentor.Domain.Matching;
using static PeerMentor.Tests.Domain.Matching.RandomInstances;

namespace PeerMentor.Tests.Domain.Matching;

public class MentorLeavesTests
{
    /// <summary>Programs where the mentor who leaves (m0) would be the obvious place for their students: empty-handed and roomy.</summary>
    private static IEnumerable<(int Seed, Instance Instance, AssignmentResult Result)> Departures()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var instance = Create(random, random.Next(1, 40), random.Next(2, 8), Capacity.Ample, withCurrentStudents: true);
            var mentors = instance.Mentors.Select((m, j) => j == 0 ? m with { CurrentStudents = instance.Students } : m).ToArray();
            instance = instance with { Students = [], Mentors = mentors };
            yield return (seed, instance, MentorAssignment.ReassignAfterMentorLeaves("m0", mentors));
        }
    }

    [Fact]
    public void Their_students_are_all_placed_with_the_other_mentors()
    {
        var violations = Departures()
            .Where(d => !d.Result.Groups.Where(g => g.MentorId != "m0").SelectMany(g => g.NewStudentIds).Order()
                .SequenceEqual(d.Instance.Mentor("m0").CurrentStudents.Select(s => s.Id).Order()))
            .Select(d => $"seed {d.Seed}");
        Assert.Empty(violations);
    }

    [Fact]
    public void No_student_goes_back_to_the_mentor_who_left()
    {
        var violations = Departures().Where(d => d.Result.Groups.Any(g => g.MentorId == "m0" && g.NewStudentIds.Count > 0)).Select(d => $"seed {d.Seed}");
        Assert.Empty(violations);
    }

    [Fact]
    public void The_other_mentors_keep_their_current_students()
    {
        var violations = Departures()
            .SelectMany(d => d.Result.Groups.Select(g => (d.Seed, Group: g, Mentor: d.Instance.Mentor(g.MentorId))))
            .Where(x => x.Group.GroupSize != x.Mentor.CurrentStudents.Count + x.Group.NewStudentIds.Count)
            .Select(x => $"seed {x.Seed}: {x.Group.MentorId}");
        Assert.Empty(violations);
    }

    [Fact]
    public void A_returning_mentor_never_gets_back_students_forbidden_to_them()
    {
        // The pairs from a departure are kept; if the mentor later rejoins, the next run must honour them.
        var violations = Enumerable.Range(0, 200).SelectMany(seed =>
        {
            var random = new Random(seed);
            var instance = Create(random, random.Next(1, 40), random.Next(2, 8), Capacity.Ample);
            var forbidden = instance.Students.Where(_ => random.Next(2) == 0).Select(s => new ForbiddenPair(s.Id, "m0")).ToArray();
            var result = MentorAssignment.Assign(instance.Students, instance.Mentors, forbidden);
            return result.Groups.Single(g => g.MentorId == "m0").NewStudentIds
                .Intersect(forbidden.Select(p => p.StudentId))
                .Select(id => $"seed {seed}: {id}");
        });
        Assert.Empty(violations);
    }
}
