using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>The smallest phones in use are 360 px wide: the shell must fit them without scrolling sideways.</summary>
public class ShellLayoutTests
{
    private static readonly ViewportSize SmallPhone = new() { Width = 360, Height = 740 };

    [Fact]
    public async Task Signed_out_pages_fit_a_360_px_phone_with_every_header_button_on_screen()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel(), SmallPhone);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "", "account/login", "account/register" })
        {
            await page.GotoAsync(path);
            await AssertFitsAsync(page, path, "Menu", "Switch to dark theme");
        }
    }

    [Fact]
    public async Task Signed_in_pages_fit_a_360_px_phone_with_theme_switch_and_sign_out_on_screen()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl, SmallPhone, ColorScheme.Dark);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);

        foreach (var path in new[] { "", "calendar", "sessions", "account/notifications" })
        {
            await page.GotoAsync(path);
            if (path == "calendar") await Expect(page.GetByTestId("calendar").Locator(".cal-agenda")).ToBeVisibleAsync();
            await AssertFitsAsync(page, path, "Menu", "Switch to light theme", "Sign out");
        }
    }

    private static async Task AssertFitsAsync(IPage page, string path, params string[] buttons)
    {
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"/{path} scrolls {overflow} px sideways at 360 px");
        foreach (var name in buttons)
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
