namespace PeerMentor.Domain.Matching;

/// <summary>
/// LPT greedy: students in order of experience, largest first, each to the least-loaded mentor (then the
/// smallest group, then the lowest id) who has a free place and may take them. The mentors with a free place
/// wait in a priority queue keyed by exactly that order, so each placement costs O(log m) rather than a scan.
/// </summary>
internal static class InitialPlacement
{
    /// <summary>Places as many students as the places allow; returns the ones left over.</summary>
    public static List<int> Run(Partition partition)
    {
        var open = OpenMentors(partition);
        var skipped = new List<int>();
        var unplaced = new List<int>();
        for (var student = 0; student < partition.StudentCount; student++)
        {
            var mentor = TakeLeastLoadedAllowed(partition, open, student, skipped);
            if (mentor >= 0)
            {
                partition.Place(student, mentor);
                if (partition.Free[mentor] > 0) Enqueue(partition, open, mentor);
            }
            else if (open.Count > 0 && TryMakeRoom(partition, student))
            {
                // The chain moved students between several groups, so their keys in the queue are out of date.
                open = OpenMentors(partition);
            }
            else unplaced.Add(student);
        }
        return unplaced;
    }

    private static PriorityQueue<int, (int Load, int Size, int Mentor)> OpenMentors(Partition p)
    {
        var open = new PriorityQueue<int, (int, int, int)>(p.MentorCount);
        for (var j = 0; j < p.MentorCount; j++)
        {
            if (p.Free[j] > 0) Enqueue(p, open, j);
        }
        return open;
    }

    private static void Enqueue(Partition p, PriorityQueue<int, (int, int, int)> open, int mentor) =>
        open.Enqueue(mentor, (p.Load[mentor], p.Size[mentor], mentor));

    /// <summary>
    /// Removes and returns the first open mentor in the queue's order who may take the student, or -1; mentors
    /// passed over because the pair is forbidden go back into the queue unchanged.
    /// </summary>
    private static int TakeLeastLoadedAllowed(Partition p, PriorityQueue<int, (int, int, int)> open, int student, List<int> skipped)
    {
        var found = -1;
        while (found < 0 && open.TryDequeue(out var mentor, out _))
        {
            if (p.IsAllowed(student, mentor)) found = mentor;
            else skipped.Add(mentor);
        }
        foreach (var mentor in skipped) Enqueue(p, open, mentor);
        skipped.Clear();
        return found;
    }

    /// <summary>
    /// When every mentor the student may join is full, a chain of new students may still shift along
    /// (each to a mentor they may join) and end at a mentor with a free place, freeing one where the student
    /// fits. Searching for such a chain (an augmenting path) for each student in turn places the largest
    /// number of students that forbidden pairs and capacities allow, not just the greedy's share.
    /// </summary>
    private static bool TryMakeRoom(Partition p, int student)
    {
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
