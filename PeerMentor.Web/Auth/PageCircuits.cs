using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace PeerMentor.Web.Auth;

/// <summary>
/// Each live page (circuit) holds 1–1.4 MB of server memory, so one person may hold at most Auth:MaxPagesPerPerson of
/// them: opening one more closes their oldest, which is sent to a page saying why. A closed page runs no more actions.
/// </summary>
public sealed class PageCircuits(OpenPages openPages, AuthenticationStateProvider auth, AccountStampCheck stamps, NavigationManager navigation) : CircuitHandler
{
    private string? userId;

    public bool IsClosed { get; private set; }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.UserId() is not { } id) return;
        // The page's connection skips the cookie's stamp check (AuthSetup), so a page opened with a sign-in revoked
        // elsewhere (password changed, account deleted) is sent to sign in now rather than at its first revalidation.
        if (!await stamps.IsCurrentAsync(user, fresh: true))
        {
            if (auth is RevalidatingIdentityStateProvider page) page.SignOutPage();
            return;
        }
        userId = id;
        foreach (var oldest in openPages.Open(userId, this)) oldest.Close();
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (userId is not null) openPages.Remove(userId, this);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context => IsClosed ? throw new InvalidOperationException(PageClosedMessage) : next(context);

    public const string PageClosedMessage = "This page was closed because you opened PeerMentor in too many tabs.";

    internal void Close()
    {
        IsClosed = true;
        var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo("account/page-closed?returnUrl=" + Uri.EscapeDataString(here), forceLoad: true);
    }
}

/// <summary>Who holds which live pages, oldest first (one app instance's share; sticky sessions keep a page on one instance).</summary>
public sealed class OpenPages(IOptions<SessionLimits> limits)
{
    private readonly Dictionary<string, List<PageCircuits>> byUser = [];

    /// <summary>Records a newly opened page and returns the pages over the limit, oldest first, for closing.</summary>
    public IReadOnlyList<PageCircuits> Open(string userId, PageCircuits page)
    {
        lock (byUser)
        {
            if (!byUser.TryGetValue(userId, out var pages)) byUser[userId] = pages = [];
            pages.Add(page);
            var excess = pages.Count - Math.Max(1, limits.Value.MaxPagesPerPerson);
            if (excess <= 0) return [];
            var closing = pages.Take(excess).ToList();
            pages.RemoveRange(0, excess);
            return closing;
        }
    }

    public void Remove(string userId, PageCircuits page)
    {
        lock (byUser)
        {
            if (byUser.TryGetValue(userId, out var pages) && pages.Remove(page) && pages.Count == 0) byUser.Remove(userId);
        }
    }

    public int CountFor(string userId)
    {
        lock (byUser) return byUser.TryGetValue(userId, out var pages) ? pages.Count : 0;
    }
}

/// <summary>Actions on interactive pages per person: a token bucket, since the HTTP rate limiter never sees a circuit's events.</summary>
public sealed class PageActionLimiter(IOptions<SessionLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Value.PageActionBurst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(60.0 / Math.Max(1, limits.Value.PageActionsPerMinute)),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool TryTake(string userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
