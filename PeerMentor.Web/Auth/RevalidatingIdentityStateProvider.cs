using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace PeerMentor.Web.Auth;

/// <summary>
/// Live circuits outlast the cookie check, so they re-check the person every Auth:RevalidationSeconds (a minute): a
/// deleted or re-stamped account is signed out of its open pages, which are sent to the sign-in page.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, AccountStampCheck stamps, IOptions<SessionLimits> limits, NavigationManager navigation)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<RevalidatingIdentityStateProvider>();

    protected override TimeSpan RevalidationInterval => limits.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (await IsStillValidAsync(authenticationState.User)) return true;
        SendToSignIn();
        return false;
    }

    public Task<bool> IsStillValidAsync(ClaimsPrincipal principal) => stamps.IsCurrentAsync(principal, fresh: true);

    /// <summary>Ends the page's sign-in now (components see an anonymous user) and takes the page to the sign-in form.</summary>
    public void SignOutPage()
    {
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        SendToSignIn();
    }

    private void SendToSignIn()
    {
        try
        {
            navigation.NavigateTo("account/login?returnUrl=" + Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri)), forceLoad: true);
        }
        catch (InvalidOperationException e)
        {
            // A server-rendered request has no page to move; its next request meets the cookie check instead.
            logger.LogDebug(e, "No live page to send to sign-in.");
        }
    }
}
