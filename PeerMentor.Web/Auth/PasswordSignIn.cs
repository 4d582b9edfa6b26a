using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Web.Auth;

/// <summary>What a password check found: Identity's result, the account when there is one, or that the server was too busy to check.</summary>
public sealed record PasswordCheck(SignInResult Result, AppUser? User, bool Busy = false)
{
    public static readonly PasswordCheck TooBusy = new(SignInResult.Failed, null, Busy: true);
}

/// <summary>
/// The one place a password is checked for signing in (the sign-in page and the token endpoint). Every answer costs
/// one hash verification, whether the email is unknown, deleted, unconfirmed, locked or known, so timing says nothing
/// about who has an account; and the checks pass through <see cref="PasswordCheckGate"/>.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, PasswordCheckGate gate)
{
    private static string? dummyHash;

    public async Task<PasswordCheck> CheckAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        using var slot = await gate.EnterAsync(cancellationToken);
        if (slot is null) return PasswordCheck.TooBusy;

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDeleted)
        {
            SpendOneVerification(password);
            return new PasswordCheck(SignInResult.Failed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut) SpendOneVerification(password);
        // Identity answers "not allowed" (email unconfirmed) before looking at the password; only someone who knows it may learn that.
        else if (result.IsNotAllowed && !await signIn.UserManager.CheckPasswordAsync(user, password)) result = SignInResult.Failed;
        return new PasswordCheck(result, user);
    }

    /// <summary>Verifies against a hash made with the app's own settings, so it costs exactly what a real check costs.</summary>
    private void SpendOneVerification(string password)
    {
        dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), dummyHash, password);
    }
}

/// <summary>
/// A password check takes ~0.3 s of a core. A flood of them (even the few the rate limiter lets through) would take
/// every core from other traffic, so only a few run at once; the rest wait briefly in line, then are turned away.
/// </summary>
public sealed class PasswordCheckGate(IOptions<AccountRateLimits> options) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, options.Value.ConcurrentPasswordChecks),
        QueueLimit = Math.Max(0, options.Value.PasswordCheckQueue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>How many checks are waiting in line for a slot right now.</summary>
    public long Waiting => limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(1, options.Value.PasswordCheckWaitSeconds));

    /// <summary>A slot to check one password in, or null when none came free in time.</summary>
    public async Task<RateLimitLease?> EnterAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(RetryAfter);
        try
        {
            var lease = await limiter.AcquireAsync(1, wait.Token);
            if (lease.IsAcquired) return lease;
            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => limiter.Dispose();
}
