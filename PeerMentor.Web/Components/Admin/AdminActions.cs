using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Notifications;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Admin;

/// <summary>Account actions for admin pages, each in its own scope, with links for the mails they send.</summary>
public sealed class AdminActions(ScopedActions actions, AppLinks links)
{
    public Task<Result> RunAsync(Func<AccountAdminService, AccountLinks, Task<Result>> action) =>
        actions.RunAsync<AccountAdminService, Result>(service => action(service, Links.ForAccounts(links)));
}
