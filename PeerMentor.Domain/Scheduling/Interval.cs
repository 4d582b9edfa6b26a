namespace PeerMentor.Domain.Scheduling;

/// <summary>
/// A half-open span of time [<see cref="StartUtc"/>, <see cref="EndUtc"/>), both <see cref="DateTimeKind.Utc"/>.
/// Half-open so that back-to-back sessions (10:00–11:00 and 11:00–12:00) touch without overlapping.
/// </summary>
public readonly record struct Interval(DateTime StartUtc, DateTime EndUtc)
{
    public TimeSpan Length => EndUtc - StartUtc;

    /// <summary>True when the two share some time; touching intervals do not overlap.</summary>
    public bool Overlaps(Interval other) => StartUtc < other.EndUtc && other.StartUtc < EndUtc;

    /// <summary>True when <paramref name="other"/> lies entirely inside this interval.</summary>
    public bool Contains(Interval other) => StartUtc <= other.StartUtc && other.EndUtc <= EndUtc;

    public bool Contains(DateTime instantUtc) => StartUtc <= instantUtc && instantUtc < EndUtc;
}
