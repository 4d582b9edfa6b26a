namespace PeerMentor.Domain.Matching;

/// <summary>
/// LPT greedy: students in order of experience, largest first, each to the least-loaded mentor (then the
/// smallest group, then the lowest id) who has a free place and may take them.
/// </summary>
internal static class InitialPlacement
{
    /// <summary>Places as many students as the places allow; returns the ones left over.</summary>
    public static List<int> Run(Partition partition)
    {
        var unplaced = new List<int>();
        for (var student = 0; student < partition.StudentCount; student++)
        {
            var mentor = LeastLoadedOpen(partition, student);
            if (mentor >= 0) partition.Place(student, mentor);
            else if (!TryMakeRoom(partition, student)) unplaced.Add(student);
        }
        return unplaced;
    }

    private static int LeastLoadedOpen(Partition p, int student)
    {
        var (load, size, free) = (p.Load, p.Size, p.Free);
        var best = -1;
        for (var j = 0; j < load.Length; j++)
        {
            if (free[j] == 0 || (best >= 0 && (load[j] > load[best] || (load[j] == load[best] && size[j] >= size[best])))) continue;
            if (p.IsAllowed(student, j)) best = j;
        }
        return best;
    }

    /// <summary>
    /// When every mentor the student may join is full, a chain of new students may still shift along
    /// (each to a mentor they may join) and end at a mentor with a free place, freeing one where the student
    /// fits. Searching for such a chain (an augmenting path) for each student in turn places the largest
    /// number of students that forbidden pairs and capacities allow, not just the greedy's share.
    /// </summary>
    private static bool TryMakeRoom(Partition p, int student)
    {
        if (!p.Free.Any(f => f > 0)) return false;
        var cameFrom = new (int Mentor, int Student)[p.MentorCount];
        var seen = new bool[p.MentorCount];
        var queue = new Queue<int>();
        for (var j = 0; j < p.MentorCount; j++)
        {
            if (!p.IsAllowed(student, j)) continue;
            (seen[j], cameFrom[j]) = (true, (-1, -1));
            queue.Enqueue(j);
        }

        var end = -1;
        while (end < 0 && queue.TryDequeue(out var mentor))
        {
            foreach (var mover in p.NewStudentsOf(mentor))
            {
                for (var next = 0; next < p.MentorCount && end < 0; next++)
                {
                    if (seen[next] || !p.IsAllowed(mover, next)) continue;
                    (seen[next], cameFrom[next]) = (true, (mentor, mover));
                    if (p.Free[next] > 0) end = next;
                    else queue.Enqueue(next);
                }
                if (end >= 0) break;
            }
        }
        if (end < 0) return false;

        var to = end;
        while (cameFrom[to].Mentor >= 0)
        {
            var (from, mover) = cameFrom[to];
            p.Move(mover, to);
            to = from;
        }
        p.Place(student, to);
        return true;
    }
}
