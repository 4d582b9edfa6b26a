using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ReconnectTests
{
    [Fact]
    public async Task When_the_server_goes_away_an_interactive_page_says_the_connection_is_lost()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl, Browser.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GotoAsync("calendar");
        await Expect(page.GetByTestId("calendar").Locator(".cal-agenda")).ToBeVisibleAsync();

        await app.DisposeAsync();

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Connection lost" });
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Reconnecting|Still trying|couldn't reconnect"));
    }

    [Fact]
    public async Task Pages_carry_no_inline_script_so_a_self_only_script_policy_fits()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var page = await context.NewPageAsync();

        await page.GotoAsync("");

        await Expect(page.Locator("script:not([src])")).ToHaveCountAsync(0);
        await Expect(page.Locator("script[src]")).Not.ToHaveCountAsync(0);
    }
}
