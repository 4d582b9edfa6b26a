namespace PeerMentor.Domain.Dashboards;

/// <summary>A booked session on someone's home: when, with whom, and where to join.</summary>
public sealed record UpcomingSession(Guid Id, DateTime StartUtc, DateTime EndUtc, string WithName, string? MeetingUrl);

/// <summary>A request still waiting for the mentor's answer.</summary>
public sealed record OpenRequest(Guid Id, DateTime StartUtc, DateTime EndUtc, string WithName, DateTime ExpiresUtc, string Agenda);

/// <summary>At most this many items per list on a home; each list links to its full page.</summary>
public static class DashboardLimits
{
    public const int Items = 5;
}
