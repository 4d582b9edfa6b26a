using PeerMentor.Domain.Matching;
using Xunit.Abstractions;
using static PeerMentor.Tests.Domain.Matching.RandomInstances;

namespace PeerMentor.Tests.Domain.Matching;

/// <summary>
/// Seeded random programs: small ones against the exact optimum found by brute force, larger ones against
/// bounds that hold by proof. Violations are collected so that a failure names every instance that broke the rule.
/// </summary>
public class AssignmentQualityTests(ITestOutputHelper output)
{
    private sealed record Solved(int Seed, Instance Instance, AssignmentResult Result, int? Optimum);

    private static readonly Lazy<Solved[]> Small = new(() => SmallPrograms()
        .Select(p => new Solved(p.Seed, p.Instance, Assign(p.Instance), ExactOptimum.Makespan(p.Instance)))
        .ToArray());

    /// <summary>
    /// 1,500 programs of up to 9 students over up to 3 mentors; a third are classic (no current students, ample
    /// places, nothing forbidden), a third have current students and exactly enough places, a third also forbid pairs.
    /// </summary>
    private static IEnumerable<(int Seed, Instance Instance)> SmallPrograms()
    {
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var (students, mentors) = (random.Next(1, 10), random.Next(1, 4));
            yield return (seed, (seed % 3) switch
            {
                0 => Create(random, students, mentors),
                1 => Create(random, students, mentors, Capacity.Tight, withCurrentStudents: true),
                _ => Create(random, students, mentors, Capacity.Tight, withCurrentStudents: true, forbiddenShare: 0.15),
            });
        }
    }

    private static bool IsClassic(Instance instance) =>
        instance.Forbidden.Length == 0 && instance.Mentors.All(m => m.CurrentStudents.Count == 0 && m.Capacity >= instance.Students.Length);

    private static AssignmentResult Assign(Instance instance) => MentorAssignment.Assign(instance.Students, instance.Mentors, instance.Forbidden);

    [Fact]
    public void Small_programs_never_do_better_than_the_true_optimum()
    {
        var violations = Small.Value
            .Where(r => r.Optimum is { } optimum && (r.Result.Unplaced.Count > 0 || r.Result.Makespan < optimum))
            .Select(r => $"seed {r.Seed}: makespan {r.Result.Makespan}, optimum {r.Optimum}, {r.Result.Unplaced.Count} unplaced");
        Assert.Empty(violations);
    }

    [Fact]
    public void Small_programs_place_everyone_exactly_when_some_assignment_can()
    {
        var violations = Small.Value.Where(r => (r.Optimum is not null) != (r.Result.Unplaced.Count == 0)).Select(r => $"seed {r.Seed}");
        Assert.Empty(violations);
    }

    [Fact]
    public void Classic_small_programs_stay_within_grahams_lpt_guarantee_of_the_optimum()
    {
        // Graham (1969): LPT's makespan ≤ (4/3 − 1/(3m)) × OPT without capacities or preloaded machines, and the
        // local search never raises the makespan. In integers: 3m × makespan ≤ (4m − 1) × OPT.
        var classic = Small.Value.Where(r => IsClassic(r.Instance)).ToArray();
        var violations = classic
            .Select(r => (r.Seed, m: r.Instance.Mentors.Length, r.Result.Makespan, Optimum: r.Optimum!.Value))
            .Where(r => 3 * r.m * r.Makespan > (4 * r.m - 1) * r.Optimum)
            .Select(r => $"seed {r.Seed}: makespan {r.Makespan}, optimum {r.Optimum}");
        Assert.NotEmpty(classic);
        Assert.Empty(violations);
    }

    [Fact]
    public void Small_programs_almost_always_reach_the_true_optimum()
    {
        // Observed: 97.7% of the 1,370 solvable programs here (and of 13,696 in a wider run); the misses need a
        // one-for-two exchange or a detour through a worse makespan, which the search does not try.
        var solvable = Small.Value.Where(r => r.Optimum is not null).ToArray();
        var rate = (double)solvable.Count(r => r.Result.Makespan == r.Optimum) / solvable.Length;
        output.WriteLine($"optimum reached on {rate:P2} of {solvable.Length} small programs");
        Assert.True(rate >= 0.96, $"optimum reached on only {rate:P2} of {solvable.Length} small programs");
    }

    [Fact]
    public void No_move_of_one_student_or_swap_of_two_between_groups_would_improve_the_result()
    {
        // The search only stops when no such change is left; tried here from the outside, every one of them,
        // on programs with current students, too few or enough places and forbidden pairs.
        var capacities = new[] { Capacity.Ample, Capacity.Tight, Capacity.Short };
        var violations = Enumerable.Range(0, 150).SelectMany(seed =>
        {
            var random = new Random(seed);
            var instance = Create(random, random.Next(10, 121), random.Next(2, 13), capacities[seed % 3],
                withCurrentStudents: true, forbiddenShare: seed % 2 == 0 ? 0.1 : 0);
            return ImprovingChanges(instance, Assign(instance)).Take(1).Select(change => $"seed {seed}: {change}");
        });
        Assert.Empty(violations);
    }

    /// <summary>Each single move or swap of new students, allowed by capacities and forbidden pairs, that makes the objective strictly better.</summary>
    private static IEnumerable<string> ImprovingChanges(Instance instance, AssignmentResult result)
    {
        var groups = result.Groups.ToArray();
        var experience = instance.Students.ToDictionary(s => s.Id, s => s.ExperienceYears);
        var forbidden = instance.Forbidden.ToHashSet();
        var (loads, sizes) = (groups.Select(g => g.TotalExperience).ToArray(), groups.Select(g => g.GroupSize).ToArray());
        var now = Objective(loads, sizes);
        int[] Movable(int from, int to) => groups[from].NewStudentIds
            .Where(s => !forbidden.Contains(new ForbiddenPair(s, groups[to].MentorId))).Select(s => experience[s]).Distinct().ToArray();

        for (var a = 0; a < groups.Length; a++)
        {
            for (var b = 0; b < groups.Length; b++)
            {
                if (a == b) continue;
                var (fromA, fromB) = (Movable(a, b), Movable(b, a));
                if (sizes[b] < instance.Mentor(groups[b].MentorId).Capacity)
                {
                    foreach (var x in fromA.Where(x => Improves(a, b, x, sizeChange: 1))) yield return $"move {x} years from {groups[a].MentorId} to {groups[b].MentorId}";
                }
                foreach (var (x, y) in fromA.SelectMany(x => fromB.Select(y => (x, y))).Where(p => Improves(a, b, p.x - p.y, sizeChange: 0)))
                    yield return $"swap {x} years in {groups[a].MentorId} for {y} in {groups[b].MentorId}";
            }
        }

        bool Improves(int from, int to, int years, int sizeChange)
        {
            (loads[from], loads[to], sizes[from], sizes[to]) = (loads[from] - years, loads[to] + years, sizes[from] - sizeChange, sizes[to] + sizeChange);
            var better = Objective(loads, sizes).CompareTo(now) < 0;
            (loads[from], loads[to], sizes[from], sizes[to]) = (loads[from] + years, loads[to] - years, sizes[from] + sizeChange, sizes[to] - sizeChange);
            return better;
        }
    }

    /// <summary>Makespan, then the sum of squared group sizes, then the spread: smaller is better, in that order.</summary>
    private static (int Makespan, long SizeSquares, int Spread) Objective(int[] loads, int[] sizes) =>
        (loads.Max(), sizes.Sum(s => (long)s * s), loads.Max() - loads.Min());
}
