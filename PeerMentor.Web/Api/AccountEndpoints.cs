using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

/// <summary>The account actions that are plain posts: sign out, the theme switch and the API's bearer token.</summary>
public static class AccountEndpoints
{
    public const string ConfirmEmailFirst = "Please confirm your email first: open the link we mailed you.";
    public const string WaitingForApproval = "Your registration is waiting for approval by an admin. We'll email you as soon as it is decided.";
    public const string NotApproved = "An admin did not approve your registration.";

    public sealed record TokenRequest(string? Email, string? Password);

    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A bearer token for API clients: the same password check, timing, lockout and limits as the sign-in page, and
        // the same answers; people who are not approved (yet) get what the sign-in page shows them instead of a token.
        app.MapPost("/api/v1/auth/token", async (TokenRequest body, PasswordSignIn passwords, SignInManager<AppUser> signIn,
            PasswordCheckGate gate, HttpContext http) =>
        {
            var check = await passwords.CheckAsync(body.Email ?? "", body.Password ?? "", http.RequestAborted);
            if (check.Busy)
            {
                http.Response.Headers.RetryAfter = ((int)gate.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem("Sign-in is busy. Try again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
            }
            if (check.Result.IsNotAllowed) return NotAllowed(ConfirmEmailFirst);
            if (!check.Result.Succeeded || check.User is null) return ApiResults.Unauthorized(Components.Account.Login.FailureMessage);
            if (check.User.Approval == ApprovalStatus.Pending) return NotAllowed(WaitingForApproval);
            if (check.User.Approval == ApprovalStatus.Rejected) return NotAllowed(NotApproved);
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            await signIn.SignInAsync(check.User, isPersistent: false);
            return Results.Empty;
        }).AllowAnonymous();

        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });

        app.MapPost("/preferences/theme", async (
            [FromForm] ThemePreference theme, [FromForm] string? returnUrl,
            HttpContext http, UserManager<AppUser> users) =>
        {
            ThemeCookie.Write(http.Response, theme);
            if (http.User.UserId() is not null && await users.GetUserAsync(http.User) is { } user)
            {
                user.ChooseTheme(theme);
                await users.UpdateAsync(user);
            }
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });
    }

    private static IResult NotAllowed(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    /// <summary>Only paths on this site: an open redirect would let a phishing link borrow our address.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}

/// <summary>
/// The theme is chosen on the server from this cookie, so the first paint is already right; with no
/// cookie ("System") both stylesheets load behind prefers-color-scheme media queries.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "pm-theme";

    public static ThemePreference Read(HttpRequest request) =>
        Enum.TryParse<ThemePreference>(request.Cookies[Name], out var theme) ? theme : ThemePreference.System;

    public static void Write(HttpResponse response, ThemePreference theme)
    {
        if (theme == ThemePreference.System) response.Cookies.Delete(Name);
        else response.Cookies.Append(Name, theme.ToString(), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
        });
    }
}
