using Microsoft.Playwright;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.EndToEnd;

internal static class Pages
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("account/login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form.form-card button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public static Task SignInAsync(this IPage page, TestUser user) => page.SignInAsync(user.Email, user.Password);

    public static Task<string> BackgroundAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    public const string LightBackground = "rgb(246, 247, 251)";
    public const string DarkBackground = "rgb(18, 20, 24)";
}
