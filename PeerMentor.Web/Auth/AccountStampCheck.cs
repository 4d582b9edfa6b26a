using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Web.Auth;

/// <summary>
/// Whether a sign-in still stands: the account exists, is not deleted, and has the security stamp the sign-in was
/// made with (a password change, deletion, rejection or new role renews it). Bearer tokens and page actions ask on
/// every use; a "yes" is remembered for the revalidation interval, so a revoked sign-in stops working within that
/// interval while a busy client costs one query per interval.
/// </summary>
public sealed class AccountStampCheck(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<SessionLimits> limits, TimeProvider clock)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<(string UserId, string Stamp), DateTimeOffset> confirmedUntil = new();

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, bool fresh = false)
    {
        var id = principal.UserId();
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null) return false;
        var now = clock.GetUtcNow();
        if (!fresh && confirmedUntil.TryGetValue((id, stamp), out var until) && until > now) return true;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null || user.IsDeleted || stamp != await users.GetSecurityStampAsync(user))
        {
            confirmedUntil.TryRemove((id, stamp), out _);
            return false;
        }
        if (confirmedUntil.Count >= MaxRemembered) confirmedUntil.Clear();
        confirmedUntil[(id, stamp)] = now + limits.Value.RevalidationInterval;
        return true;
    }
}
