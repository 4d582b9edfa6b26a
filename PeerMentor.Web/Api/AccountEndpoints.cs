using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Api;

/// <summary>The account actions that are plain form posts: sign out and the theme switch.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
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
