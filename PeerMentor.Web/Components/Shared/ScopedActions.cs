namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// Runs one action of an interactive page in its own DI scope: the page lives as long as its
/// circuit, and a DbContext must not (DESIGN.md: one context per operation).
/// </summary>
public sealed class ScopedActions(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
