namespace PeerMentor.Domain.Matching;

/// <summary>
/// How good a partition is, compared lexicographically: makespan, then the sum of squared group sizes
/// (smaller when sizes are more even), then spread (max total − min total), then the sum of squared totals.
/// The last one is not part of the objective; it lets the search walk across plateaus where several groups
/// share the makespan and no single change lowers it.
/// </summary>
internal readonly record struct Balance(int Makespan, long SizeSquares, int Spread, long LoadSquares)
{
    public bool Beats(Balance other) =>
        Makespan != other.Makespan ? Makespan < other.Makespan
        : SizeSquares != other.SizeSquares ? SizeSquares < other.SizeSquares
        : Spread != other.Spread ? Spread < other.Spread
        : LoadSquares < other.LoadSquares;
}

/// <summary>
/// The working state of one run, indexed by integers so the search does no lookups. Students are numbered
/// by (experience descending, id ordinal) and mentors by id ordinal, which makes every tie-break deterministic.
/// Only new students sit in <see cref="_members"/>; current students are part of a group's load and size but never move.
/// </summary>
internal sealed class Partition
{
    private readonly int[] _experience;
    private readonly int[] _valueOf;
    private readonly int[]?[] _forbidden;
    private readonly List<int>[][] _members;
    private readonly int[] _byLoad;
    private long _sizeSquares;
    private long _loadSquares;
    private Balance _current;
    private bool _stale = true;

    public Partition(int[] experience, int[]?[] forbidden, int[] currentLoad, int[] currentSize, int[] capacity)
    {
        _experience = experience;
        _forbidden = forbidden;
        Values = experience.Distinct().Order().ToArray();
        _valueOf = experience.Select(x => Array.BinarySearch(Values, x)).ToArray();
        Load = (int[])currentLoad.Clone();
        Size = (int[])currentSize.Clone();
        Free = capacity.Select((c, j) => Math.Max(0, c - currentSize[j])).ToArray();
        GroupOf = Enumerable.Repeat(-1, experience.Length).ToArray();
        _members = Load.Select(_ => Values.Select(_ => new List<int>()).ToArray()).ToArray();
        _byLoad = Enumerable.Range(0, Load.Length).ToArray();
    }

    public int[] Values { get; }
    public int[] Load { get; }
    public int[] Size { get; }
    public int[] Free { get; }
    public int[] GroupOf { get; }
    public int MentorCount => Load.Length;
    public int StudentCount => GroupOf.Length;
    public Balance Current => Fresh()._current;

    /// <summary>Mentor indexes, heaviest group first (ties by id).</summary>
    public IReadOnlyList<int> ByLoad => Fresh()._byLoad;

    public int Experience(int student) => _experience[student];

    public bool IsAllowed(int student, int mentor) => _forbidden[student] is not { } barred || Array.IndexOf(barred, mentor) < 0;

    public IEnumerable<int> NewStudentsOf(int mentor) => _members[mentor].SelectMany(list => list);

    public bool HasValue(int mentor, int valueIndex) => _members[mentor][valueIndex].Count > 0;

    /// <summary>The first new student in the group with experience Values[valueIndex] who may join <paramref name="target"/>, or -1.</summary>
    public int FirstMovable(int mentor, int valueIndex, int target)
    {
        foreach (var student in _members[mentor][valueIndex])
        {
            if (IsAllowed(student, target)) return student;
        }
        return -1;
    }

    public void Place(int student, int mentor)
    {
        Enter(student, mentor);
    }

    public void Move(int student, int to)
    {
        Leave(student);
        Enter(student, to);
    }

    public void Swap(int first, int second)
    {
        var (a, b) = (GroupOf[first], GroupOf[second]);
        Leave(first);
        Leave(second);
        Enter(first, b);
        Enter(second, a);
    }

    /// <summary>The balance the partition would have if groups a and b had these loads and sizes; O(1).</summary>
    public Balance After(int a, int loadA, int sizeA, int b, int loadB, int sizeB)
    {
        Fresh();
        var max = Math.Max(loadA, loadB);
        var min = Math.Min(loadA, loadB);
        foreach (var j in _byLoad)
        {
            if (j != a && j != b) { max = Math.Max(max, Load[j]); break; }
        }
        for (var i = _byLoad.Length - 1; i >= 0; i--)
        {
            var j = _byLoad[i];
            if (j != a && j != b) { min = Math.Min(min, Load[j]); break; }
        }
        var sizeSquares = _sizeSquares - Square(Size[a]) - Square(Size[b]) + Square(sizeA) + Square(sizeB);
        var loadSquares = _loadSquares - Square(Load[a]) - Square(Load[b]) + Square(loadA) + Square(loadB);
        return new Balance(max, sizeSquares, max - min, loadSquares);
    }

    private void Enter(int student, int mentor)
    {
        GroupOf[student] = mentor;
        _members[mentor][_valueOf[student]].Add(student);
        Load[mentor] += _experience[student];
        Size[mentor]++;
        Free[mentor]--;
        _stale = true;
    }

    private void Leave(int student)
    {
        var mentor = GroupOf[student];
        _members[mentor][_valueOf[student]].Remove(student);
        Load[mentor] -= _experience[student];
        Size[mentor]--;
        Free[mentor]++;
        GroupOf[student] = -1;
        _stale = true;
    }

    // Sorting after every placement would dominate the greedy phase, so derived figures are rebuilt on demand.
    private Partition Fresh()
    {
        if (!_stale) return this;
        _stale = false;
        Array.Sort(_byLoad, (x, y) => Load[x] != Load[y] ? Load[y].CompareTo(Load[x]) : x.CompareTo(y));
        _sizeSquares = Size.Sum(s => Square(s));
        _loadSquares = Load.Sum(l => Square(l));
        _current = Load.Length == 0
            ? default
            : new Balance(Load[_byLoad[0]], _sizeSquares, Load[_byLoad[0]] - Load[_byLoad[^1]], _loadSquares);
        return this;
    }

    private static long Square(int x) => (long)x * x;
}
