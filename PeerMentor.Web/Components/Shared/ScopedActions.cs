using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// Runs one action of an interactive page in its own DI scope: the page lives as long as its
/// circuit, and a DbContext must not (DESIGN.md: one context per operation). Each action first
/// passes the page's <see cref="PageGuard"/> (still signed in, page still open, not too fast).
/// </summary>
public sealed class ScopedActions(IServiceScopeFactory scopes, PageGuard guard)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        if (await guard.AdmitAsync() is { } refusal) return PageGuard.Refusal<TResult>(refusal);
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
