namespace PeerMentor.Domain.Matching;

/// <summary>
/// Moves one student, or swaps two, between a pair of groups whenever that makes the partition's
/// <see cref="Balance"/> strictly better, until no such change exists. Every accepted change strictly improves
/// the balance, so the walk cannot cycle; the step limit only caps the time a pathological input may take.
/// </summary>
internal static class LocalImprovement
{
    private readonly record struct Change(int Student, int Partner, int To);

    public static int Run(Partition partition, int maxSteps)
    {
        var steps = 0;
        while (steps < maxSteps && FindChange(partition) is { } change)
        {
            if (change.Partner < 0) partition.Move(change.Student, change.To);
            else partition.Swap(change.Student, change.Partner);
            steps++;
        }
        return steps;
    }

    // Pairs are tried from the extremes inwards (heaviest with lightest first) because that is where
    // improvements usually are; the first pair that has one wins, and within it the best change.
    private static Change? FindChange(Partition partition)
    {
        var order = partition.ByLoad;
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = order.Count - 1; j >= 0; j--)
            {
                if (i != j && BestChange(partition, order[i], order[j]) is { } change) return change;
            }
        }
        return null;
    }

    private static Change? BestChange(Partition p, int a, int b)
    {
        var gap = p.Load[a] - p.Load[b];
        // With loads within 1 and sizes within 1, every move or swap from a to b leaves the pair as it was
        // or further apart, so none can improve the balance.
        if (gap <= 1 && p.Size[a] - p.Size[b] <= 1) return null;

        var best = p.Current;
        Change? found = null;
        if (p.Free[b] > 0)
        {
            // Values ascend, and a move that lifts b above the makespan can never improve the balance.
            for (var v = 0; v < p.Values.Length && p.Load[b] + p.Values[v] <= best.Makespan; v++)
            {
                var student = p.FirstMovable(a, v, b);
                if (student < 0) continue;
                var x = p.Values[v];
                var after = p.After(a, p.Load[a] - x, p.Size[a] - 1, b, p.Load[b] + x, p.Size[b] + 1);
                if (after.Beats(best)) (best, found) = (after, new Change(student, -1, b));
            }
        }
        // A swap keeps sizes, so it helps only if it narrows the pair's gap: 0 < x − y < gap.
        if (gap < 2) return found;
        for (var va = 0; va < p.Values.Length; va++)
        {
            if (!p.HasValue(a, va)) continue;
            var x = p.Values[va];
            for (var vb = 0; vb < va; vb++)
            {
                var delta = x - p.Values[vb];
                if (delta >= gap || !p.HasValue(b, vb)) continue;
                var (mine, theirs) = (p.FirstMovable(a, va, b), p.FirstMovable(b, vb, a));
                if (mine < 0 || theirs < 0) continue;
                var after = p.After(a, p.Load[a] - delta, p.Size[a], b, p.Load[b] + delta, p.Size[b]);
                if (after.Beats(best)) (best, found) = (after, new Change(mine, theirs, b));
            }
        }
        return found;
    }
}
