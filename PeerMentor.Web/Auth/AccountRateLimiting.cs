using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PeerMentor.Web.Auth;

/// <summary>Section "RateLimits" of the configuration; the defaults are documented in appsettings.Example.json.</summary>
public sealed class AccountRateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For is believed. None by default: the connection's address counts.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Posts to one account form (or the token endpoint) per client address.</summary>
    public int PerFormPerAddressPerMinute { get; set; } = 20;

    /// <summary>Posts to one account form naming one email, from anywhere.</summary>
    public int PerFormPerAccountPerMinute { get; set; } = 20;

    /// <summary>Posts to all account forms together per client address.</summary>
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Password checks running at once (each takes ~0.3 s of a core).</summary>
    public int ConcurrentPasswordChecks { get; set; } = 1;

    /// <summary>Password checks waiting for a free slot; more are turned away at once.</summary>
    public int PasswordCheckQueue { get; set; } = 8;

    /// <summary>How long a password check waits in line before it is turned away (503 with Retry-After).</summary>
    public int PasswordCheckWaitSeconds { get; set; } = 3;
}

/// <summary>
/// Account forms and the token endpoint are limited per form and address, per form and account (the email posted)
/// and per address overall, each a token bucket so that permits trickle in rather than arrive a minute's worth at
/// once. Client addresses come from X-Forwarded-For only when the connection is from a configured proxy.
/// </summary>
public static class AccountRateLimiting
{
    private const string AccountKey = "pm:rate-limit-account";
    private const int MaxBodyToRead = 16 * 1024;

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services)
    {
        services.AddOptions<AccountRateLimits>().BindConfiguration(AccountRateLimits.Section);
        services.AddSingleton<PasswordCheckGate>();
        services.AddScoped<PasswordSignIn>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AccountRateLimits>>((options, limits) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list still trusts 127.0.0.0/8 by default and is still consulted
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            options.KnownProxies.Clear();
            foreach (var proxy in limits.Value.TrustedProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddTransient<IStartupFilter, ClientAddressStartupFilter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountRateLimits>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = new AccountPostsOnly(PartitionedRateLimiter.CreateChained(
                Limit(context => Address(context), limits.PerAddressPerMinute),
                Limit(context => $"{Form(context)} {Address(context)}", limits.PerFormPerAddressPerMinute),
                Limit(context => context.Items[AccountKey] is string email ? $"{Form(context)} {email}" : null, limits.PerFormPerAccountPerMinute)));
            options.OnRejected = (context, cancellationToken) => new ValueTask(RejectAsync(context.HttpContext, context.Lease, cancellationToken));
        });
        return services;
    }

    /// <summary>A 429 or 503 that says when to come back: a problem for API callers, a line of text for a form.</summary>
    public static Task RejectAsync(HttpContext http, RateLimitLease? lease, CancellationToken cancellationToken, int status = StatusCodes.Status429TooManyRequests)
    {
        var retryAfter = lease is not null && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(3);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return WriteBusyAsync(http, status, seconds, cancellationToken);
    }

    public static Task WriteBusyAsync(HttpContext http, int status, int seconds, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many attempts. Try again in {seconds} seconds.";
        if (http.Request.Path.StartsWithSegments("/api"))
            return TypedResults.Problem(message, statusCode: status, title: "Too many requests").ExecuteAsync(http);
        return http.Response.WriteAsync(message, cancellationToken);
    }

    private static bool IsLimited(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/api/v1/auth"));

    /// <summary>The form posted to, as its first two path segments, so odd paths do not each get a bucket of their own.</summary>
    private static string Form(HttpContext context) =>
        string.Join('/', (context.Request.Path.Value ?? "").ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries).Take(3));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>N per minute, at most half of them at once, one more every 60/N seconds.</summary>
    private static PartitionedRateLimiter<HttpContext> Limit(Func<HttpContext, string?> key, int perMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsLimited(context) && key(context) is { } partition
                ? RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, perMinute / 2),
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(60.0 / Math.Max(1, perMinute)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// Every other request passes without touching the partitioned limiters, each of which takes a lock per request
    /// even for its no-limit partition (measured: a few percent of an API read's CPU, more under contention).
    /// </summary>
    private sealed class AccountPostsOnly(PartitionedRateLimiter<HttpContext> limited) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => limited.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            IsLimited(resource) ? limited.AttemptAcquire(resource, permitCount) : Granted.Lease;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            IsLimited(resource) ? limited.AcquireAsync(resource, permitCount, cancellationToken) : ValueTask.FromResult(Granted.Lease);

        protected override void Dispose(bool disposing)
        {
            if (disposing) limited.Dispose();
        }

        protected override ValueTask DisposeAsyncCore() => limited.DisposeAsync();
    }

    private sealed class Granted : RateLimitLease
    {
        public static readonly RateLimitLease Lease = new Granted();
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>Reads the email a limited post names (form field ending in "Email", or JSON "email") before the rate limiter runs.</summary>
    private static async Task NoteAccountAsync(HttpContext context)
    {
        // Larger bodies are no sign-in form; chunked ones (no length) are read as the endpoint would read them anyway.
        if (!IsLimited(context) || context.Request.ContentLength > MaxBodyToRead) return;
        string? email = null;
        try
        {
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                email = form.FirstOrDefault(f => f.Key.EndsWith("Email", StringComparison.OrdinalIgnoreCase)).Value.ToString();
            }
            else if (context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering(MaxBodyToRead);
                using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                context.Request.Body.Position = 0;
                email = json.RootElement.ValueKind == JsonValueKind.Object
                    ? json.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("email", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : null
                    : null;
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException)
        {
            // A malformed body is the endpoint's to reject with a clear 400; it simply has no account to count against.
            if (context.Request.Body.CanSeek) context.Request.Body.Position = 0;
        }
        if (!string.IsNullOrWhiteSpace(email)) context.Items[AccountKey] = email.Trim().ToLowerInvariant();
    }

    /// <summary>First in the pipeline: the real client address (from a trusted proxy), then the email a limited post names.</summary>
    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // With no known proxies the middleware would believe every sender, so it runs only when some are configured.
            if (app.ApplicationServices.GetRequiredService<IOptions<AccountRateLimits>>().Value.TrustedProxies.Length > 0) app.UseForwardedHeaders();
            app.Use(async (context, nextMiddleware) =>
            {
                await NoteAccountAsync(context);
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
