using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PeerMentor.Web.Auth;

/// <summary>
/// Identity's bearer tokens carry the security stamp, but nothing compares it, so a token outlived a password change
/// or deletion by up to its hour. This scheme reads the token with Identity's handler and then asks
/// <see cref="AccountStampCheck"/>, so a revoked token stops working within the revalidation interval.
/// </summary>
public sealed class StampedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStampCheck stamps)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PeerMentor.Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (token.None) return AuthenticateResult.NoResult();
        if (!token.Succeeded) return AuthenticateResult.Fail(token.Failure ?? new InvalidOperationException("Invalid bearer token."));
        if (!await stamps.IsCurrentAsync(token.Principal))
            return AuthenticateResult.Fail("The account changed after this token was issued; request a new one.");
        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);
}
