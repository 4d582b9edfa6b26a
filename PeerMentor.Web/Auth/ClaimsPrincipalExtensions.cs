using System.Security.Claims;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Web.Auth;

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? principal.Identity?.Name ?? "";

    public static bool IsApproved(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(AppClaimsPrincipalFactory.ApprovalClaim) == nameof(ApprovalStatus.Approved);

    public static string TimeZoneId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(AppClaimsPrincipalFactory.TimeZoneClaim) ?? "UTC";
}
