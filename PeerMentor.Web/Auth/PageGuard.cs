using Microsoft.AspNetCore.Components.Authorization;
using PeerMentor.Domain;

namespace PeerMentor.Web.Auth;

/// <summary>
/// The door every action of an interactive page passes (through ScopedActions): the page must still be open, its
/// person still signed in as they were (checked against the account's security stamp), and within their pace.
/// </summary>
public sealed class PageGuard(AuthenticationStateProvider auth, AccountStampCheck stamps, PageActionLimiter limiter, PageCircuits page)
{
    public const string TooManyActions = "That was a lot of clicks in a short time. Wait a few seconds, then try again.";

    /// <summary>
    /// Null when the action may run, a failure to show when the person goes too fast. A page that is closed or whose
    /// sign-in ended is sent away and the action cancelled (Blazor drops a cancelled handler without an error).
    /// </summary>
    public async Task<Result?> AdmitAsync()
    {
        if (page.IsClosed) throw new OperationCanceledException(PageCircuits.PageClosedMessage);
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || !await stamps.IsCurrentAsync(user))
        {
            (auth as RevalidatingIdentityStateProvider)?.SignOutPage();
            throw new OperationCanceledException("The sign-in of this page ended.");
        }
        return limiter.TryTake(user.UserId()!) ? null : Result.Fail("", TooManyActions);
    }

    /// <summary>
    /// The refusal as the action's own result type when it reports a <see cref="Result"/> (alone or first in a pair);
    /// other actions (reads) are cancelled.
    /// </summary>
    public static TResult Refusal<TResult>(Result refusal)
    {
        if (refusal is TResult result) return result;
        var type = typeof(TResult);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTuple<,>) && type.GetGenericArguments()[0] == typeof(Result))
            return (TResult)Activator.CreateInstance(type, refusal, null)!;
        throw new OperationCanceledException(refusal.Summary);
    }
}
