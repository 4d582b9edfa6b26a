using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Web.Auth;

/// <summary>Adds the facts every page wants about the person without another database round trip.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "pm:name";
    public const string TimeZoneClaim = "pm:tz";
    public const string ApprovalClaim = "pm:approval";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TimeZoneClaim, user.TimeZoneId));
        identity.AddClaim(new Claim(ApprovalClaim, user.Approval.ToString()));
        return identity;
    }
}
