namespace PeerMentor.Domain.Matching;

/// <summary>
/// Moves one student, or swaps two, between a pair of groups whenever that makes the partition's
/// <see cref="Balance"/> strictly better, until no such change exists. Every accepted change strictly improves
/// the balance, so the walk cannot cycle; the step limit only caps the time a pathological input may take.
/// <para>
/// The search goes in sweeps over the groups, heaviest first, each paired with the lighter groups, lightest
/// first, where improvements usually are; a pair is improved until it has nothing left to give, then the sweep
/// goes on from there instead of starting over. Sweeps repeat until one changes nothing. Only pairs that can
/// hold an improvement are looked at (see <see cref="BestChange"/>): a load gap of at least 2, or sizes at least
/// 2 apart with a free place on the smaller side. In the last sweep nothing changes, so its snapshot of the
/// order is exact and every such pair is checked: the result has no improving move or swap left.
/// </para>
/// </summary>
internal static class LocalImprovement
{
    private readonly record struct Change(int Student, int Partner, int To);

    public static int Run(Partition partition, int maxSteps)
    {
        var steps = 0;
        var order = new int[partition.MentorCount];
        var improved = true;
        while (improved && steps < maxSteps)
        {
            improved = false;
            partition.ByLoad.CopyTo(order);
            var smallest = partition.MentorCount == 0 ? 0 : partition.Size.Min();
            foreach (var heavy in order)
            {
                // Lighter groups, lightest first, while the gap leaves room for a swap or a narrowing move.
                for (var k = order.Length - 1; k >= 0 && partition.Load[heavy] - partition.Load[order[k]] >= 2; k--)
                {
                    improved |= ImprovePair(partition, heavy, order[k], maxSteps, ref steps);
                }
                // Groups at least two students smaller, whatever their load, for moves that even out sizes.
                if (partition.Size[heavy] - smallest < 2) continue;
                for (var k = order.Length - 1; k >= 0; k--)
                {
                    var other = order[k];
                    if (partition.Size[heavy] - partition.Size[other] >= 2 && partition.Free[other] > 0)
                        improved |= ImprovePair(partition, heavy, other, maxSteps, ref steps);
                }
            }
        }
        return steps;
    }

    private static bool ImprovePair(Partition partition, int a, int b, int maxSteps, ref int steps)
    {
        var changed = false;
        while (steps < maxSteps && BestChange(partition, a, b) is { } change)
        {
            if (change.Partner < 0) partition.Move(change.Student, change.To);
            else partition.Swap(change.Student, change.Partner);
            steps++;
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// The best move from a to b or swap between them, or null if none improves the balance. Only pairs with a
    /// load gap of at least 2, or sizes at least 2 apart and a free place with b, can have one: a move or swap
    /// that narrows the gap needs 0 &lt; x &lt; gap, and otherwise only a move that evens out sizes can help.
    /// </summary>
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
