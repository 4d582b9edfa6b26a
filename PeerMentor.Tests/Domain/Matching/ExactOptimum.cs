namespace PeerMentor.Tests.Domain.Matching;

/// <summary>The true optimum of a small program, by trying every assignment that respects capacities and forbidden pairs.</summary>
internal static class ExactOptimum
{
    /// <summary>The smallest makespan over all assignments that place every student, or null when none exists.</summary>
    public static int? Makespan(Instance instance)
    {
        var loads = instance.Mentors.Select(m => m.CurrentStudents.Sum(s => s.ExperienceYears)).ToArray();
        var free = instance.Mentors.Select(m => m.Capacity - m.CurrentStudents.Count).ToArray();
        var allowed = instance.Students
            .Select(s => instance.Mentors.Select(m => !instance.Forbidden.Contains(new(s.Id, m.Id))).ToArray())
            .ToArray();
        int? best = null;
        Search(0, loads.Max());
        return best;

        void Search(int student, int makespan)
        {
            if (makespan >= best) return;
            if (student == instance.Students.Length)
            {
                best = makespan;
                return;
            }
            var experience = instance.Students[student].ExperienceYears;
            for (var j = 0; j < loads.Length; j++)
            {
                if (free[j] == 0 || !allowed[student][j]) continue;
                (loads[j], free[j]) = (loads[j] + experience, free[j] - 1);
                Search(student + 1, Math.Max(makespan, loads[j]));
                (loads[j], free[j]) = (loads[j] - experience, free[j] + 1);
            }
        }
    }
}
