using Microsoft.AspNetCore.Components;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Components.Admin;

/// <summary>
/// Runs one admin action in its own DI scope: an interactive page lives as long as its circuit,
/// and a DbContext (or UserManager) must not.
/// </summary>
public sealed class AdminActions(IServiceScopeFactory scopes, IConfiguration configuration, NavigationManager navigation)
{
    public async Task<Result> RunAsync(Func<AccountAdminService, AccountLinks, Task<Result>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AccountAdminService>();
        return await action(service, Links.ForAccounts(configuration, navigation));
    }
}
