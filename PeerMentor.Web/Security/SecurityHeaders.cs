using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

namespace PeerMentor.Web.Security;

/// <summary>
/// The response headers every answer carries, and the cookie, HSTS and HTTPS rules, in one place so the
/// policy is easy to read and to adjust.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages: script only from our own origin (no inline script, no eval). Styles allow 'unsafe-inline' because
    /// MudBlazor puts style attributes on its elements; style attributes cannot run
    /// script. Images may be https anywhere, since announcements may show them. connect-src covers Blazor's
    /// WebSocket; "'self'" matches ws(s) of our origin in current browsers, older Safari needs the host spelled out.
    /// </summary>
    public static string PagePolicy(HttpRequest request) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "font-src 'self' data:; media-src 'self'; " +
        $"connect-src 'self' ws://{request.Host} wss://{request.Host}; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>JSON is never a document: nothing may load from it or frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddPeerMentorSecurity(this IServiceCollection services)
    {
        // Secure whenever the request came over HTTPS (every cookie: sign-in, antiforgery, theme), so plain-http
        // development on localhost still works.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.HeaderName = ApiAntiforgery.HeaderName);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddSingleton<IDeveloperPageExceptionFilter, NoExceptionDetails>();
        services.AddAuthentication().AddPolicyScheme(FileDownloads.Scheme, "Cookie or bearer token", o =>
            o.ForwardDefaultSelector = FileDownloads.SchemeFor);
        return services;
    }

    /// <summary>First in the pipeline, so error pages and static files get the headers too.</summary>
    public static void UsePeerMentorSecurity(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() => Apply(context));
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        // Downloads set their own sandboxing policy; everything else gets ours.
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api") ? ApiPolicy : PagePolicy(context.Request);
        return Task.CompletedTask;
    }

    /// <summary>A request is "API style" when it is for /api or carries a bearer token: it gets problem details, not pages.</summary>
    public static bool IsApiStyle(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || FileDownloads.HasBearerToken(context.Request);
}

/// <summary>
/// Files are fetched by browsers with the sign-in cookie and by API clients with a bearer token; a request that
/// carries a bearer token is judged by it alone, so a bad token answers 401 rather than a redirect to sign in.
/// </summary>
public static class FileDownloads
{
    public const string Scheme = "PeerMentor.Files";

    public static string SchemeFor(HttpContext context) =>
        HasBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// ASP.NET Core puts its developer exception page in front of everything in Development. Nobody gets a stack
/// trace, not even a demo, so if an exception ever gets past our own error pages, this answers in its place.
/// </summary>
internal sealed class NoExceptionDetails : IDeveloperPageExceptionFilter
{
    // The developer page has logged the exception already; the response just must not show it.
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var http = errorContext.HttpContext;
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Something went wrong. If it happens again, tell an admin this reference: {http.TraceIdentifier}");
    }
}
