namespace PeerMentor.Web.Auth;

/// <summary>Section "Auth" of the configuration; the defaults are documented in appsettings.Example.json.</summary>
public sealed class SessionLimits
{
    public const string Section = "Auth";

    /// <summary>How stale a sign-in may get: cookies, bearer tokens and open pages are re-checked against the account this often.</summary>
    public int RevalidationSeconds { get; set; } = 60;

    /// <summary>Live interactive pages (circuits, 1–1.4 MB of server memory each) one person may hold; one more closes the oldest.</summary>
    public int MaxPagesPerPerson { get; set; } = 10;

    /// <summary>Actions on interactive pages one person may run per minute (the HTTP rate limiter never sees them).</summary>
    public int PageActionsPerMinute { get; set; } = 120;

    /// <summary>Actions one person may run at once before the per-minute pace applies.</summary>
    public int PageActionBurst { get; set; } = 30;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, RevalidationSeconds));
}
