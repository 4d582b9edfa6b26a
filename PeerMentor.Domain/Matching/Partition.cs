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
/// Only new students are members of a group's lists; current students are part of a group's load and size but never move.
/// <para>
/// Each group keeps one list per distinct experience value (a "slot"), linked through arrays indexed by student,
/// so entering and leaving are O(1) and allocate nothing. Sums of squares are kept up to date on every change;
/// the heaviest-first order of groups is built once when first asked for and from then on kept sorted by moving
/// only the group that changed.
/// </para>
/// </summary>
internal sealed class Partition
{
    private const int None = -1;

    private readonly int[] _experience;
    private readonly int[] _valueOf;
    private readonly int[]?[] _forbidden;
    private readonly int[] _first;    // per slot (mentor × value index): its first student, or None
    private readonly int[] _last;     // per slot: its last student, or None
    private readonly int[] _next;     // per student: the next one in the same slot, or None
    private readonly int[] _previous; // per student: the previous one in the same slot, or None
    private readonly int[] _byLoad;
    private readonly int[] _rank;     // per mentor: its position in _byLoad
    private bool _ordered;
    private long _sizeSquares;
    private long _loadSquares;

    public Partition(int[] experience, int[]?[] forbidden, int[] currentLoad, int[] currentSize, int[] capacity)
    {
        _experience = experience;
        _forbidden = forbidden;
        Values = experience.Distinct().Order().ToArray();
        _valueOf = new int[experience.Length];
        for (var i = 0; i < experience.Length; i++) _valueOf[i] = Array.BinarySearch(Values, experience[i]);
        var mentorCount = currentLoad.Length;
        Load = (int[])currentLoad.Clone();
        Size = (int[])currentSize.Clone();
        Free = new int[mentorCount];
        for (var j = 0; j < mentorCount; j++)
        {
            Free[j] = Math.Max(0, capacity[j] - currentSize[j]);
            _sizeSquares += Square(Size[j]);
            _loadSquares += Square(Load[j]);
        }
        GroupOf = new int[experience.Length];
        Array.Fill(GroupOf, None);
        _first = new int[mentorCount * Values.Length];
        _last = new int[_first.Length];
        Array.Fill(_first, None);
        Array.Fill(_last, None);
        _next = new int[experience.Length];
        _previous = new int[experience.Length];
        _byLoad = new int[mentorCount];
        _rank = new int[mentorCount];
    }

    public int[] Values { get; }
    public int[] Load { get; }
    public int[] Size { get; }
    public int[] Free { get; }
    public int[] GroupOf { get; }
    public int MentorCount => Load.Length;
    public int StudentCount => GroupOf.Length;

    public Balance Current
    {
        get
        {
            if (MentorCount == 0) return default;
            var order = Ordered();
            var (max, min) = (Load[order[0]], Load[order[^1]]);
            return new Balance(max, _sizeSquares, max - min, _loadSquares);
        }
    }

    /// <summary>Mentor indexes, heaviest group first (ties by index); stays sorted as groups change.</summary>
    public ReadOnlySpan<int> ByLoad => Ordered();

    public int Experience(int student) => _experience[student];

    public bool IsAllowed(int student, int mentor) => _forbidden[student] is not { } barred || Array.IndexOf(barred, mentor) < 0;

    /// <summary>The group's new students by experience ascending, in the order they joined within each value.</summary>
    public List<int> NewStudentsOf(int mentor)
    {
        var students = new List<int>(Size[mentor]);
        for (var v = 0; v < Values.Length; v++)
        {
            for (var s = _first[Slot(mentor, v)]; s != None; s = _next[s]) students.Add(s);
        }
        return students;
    }

    public bool HasValue(int mentor, int valueIndex) => _first[Slot(mentor, valueIndex)] != None;

    /// <summary>The first new student in the group with experience Values[valueIndex] who may join <paramref name="target"/>, or -1.</summary>
    public int FirstMovable(int mentor, int valueIndex, int target)
    {
        for (var s = _first[Slot(mentor, valueIndex)]; s != None; s = _next[s])
        {
            if (IsAllowed(s, target)) return s;
        }
        return None;
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
        var order = Ordered();
        var max = Math.Max(loadA, loadB);
        var min = Math.Min(loadA, loadB);
        foreach (var j in order)
        {
            if (j != a && j != b) { max = Math.Max(max, Load[j]); break; }
        }
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var j = order[i];
            if (j != a && j != b) { min = Math.Min(min, Load[j]); break; }
        }
        var sizeSquares = _sizeSquares - Square(Size[a]) - Square(Size[b]) + Square(sizeA) + Square(sizeB);
        var loadSquares = _loadSquares - Square(Load[a]) - Square(Load[b]) + Square(loadA) + Square(loadB);
        return new Balance(max, sizeSquares, max - min, loadSquares);
    }

    private int Slot(int mentor, int valueIndex) => mentor * Values.Length + valueIndex;

    private void Enter(int student, int mentor)
    {
        var slot = Slot(mentor, _valueOf[student]);
        (_previous[student], _next[student]) = (_last[slot], None);
        if (_last[slot] == None) _first[slot] = student;
        else _next[_last[slot]] = student;
        _last[slot] = student;
        GroupOf[student] = mentor;
        Resize(mentor, _experience[student], +1);
    }

    private void Leave(int student)
    {
        var mentor = GroupOf[student];
        var slot = Slot(mentor, _valueOf[student]);
        var (previous, next) = (_previous[student], _next[student]);
        if (previous == None) _first[slot] = next;
        else _next[previous] = next;
        if (next == None) _last[slot] = previous;
        else _previous[next] = previous;
        GroupOf[student] = None;
        Resize(mentor, -_experience[student], -1);
    }

    private void Resize(int mentor, int loadChange, int sizeChange)
    {
        _loadSquares += Square(Load[mentor] + loadChange) - Square(Load[mentor]);
        _sizeSquares += Square(Size[mentor] + sizeChange) - Square(Size[mentor]);
        Load[mentor] += loadChange;
        Size[mentor] += sizeChange;
        Free[mentor] -= sizeChange;
        if (_ordered) Reposition(mentor, loadChange);
    }

    // The greedy phase places thousands of students and never asks for the order, so it is sorted only on first use.
    private int[] Ordered()
    {
        if (_ordered) return _byLoad;
        for (var j = 0; j < _byLoad.Length; j++) _byLoad[j] = j;
        Array.Sort(_byLoad, (x, y) => Load[x] != Load[y] ? Load[y].CompareTo(Load[x]) : x.CompareTo(y));
        for (var i = 0; i < _byLoad.Length; i++) _rank[_byLoad[i]] = i;
        _ordered = true;
        return _byLoad;
    }

    /// <summary>Restores the heaviest-first order after one group's load changed, shifting the groups it passes.</summary>
    private void Reposition(int mentor, int loadChange)
    {
        var i = _rank[mentor];
        if (loadChange > 0)
        {
            for (; i > 0 && Heavier(mentor, _byLoad[i - 1]); i--) Put(_byLoad[i - 1], i);
        }
        else
        {
            for (; i < _byLoad.Length - 1 && Heavier(_byLoad[i + 1], mentor); i++) Put(_byLoad[i + 1], i);
        }
        Put(mentor, i);
    }

    private bool Heavier(int x, int y) => Load[x] != Load[y] ? Load[x] > Load[y] : x < y;

    private void Put(int mentor, int position) => (_byLoad[position], _rank[mentor]) = (mentor, position);

    private static long Square(int x) => (long)x * x;
}
