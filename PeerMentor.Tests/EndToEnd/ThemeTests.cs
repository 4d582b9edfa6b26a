using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ThemeTests
{
    [Theory]
    [InlineData(ColorScheme.Dark, Pages.DarkBackground)]
    [InlineData(ColorScheme.Light, Pages.LightBackground)]
    public async Task A_first_visit_follows_the_operating_system(ColorScheme scheme, string background)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel(), colorScheme: scheme);
        var page = await context.NewPageAsync();

        await page.GotoAsync("");

        Assert.Equal(background, await page.BackgroundAsync());
    }

    [Fact]
    public async Task The_chosen_theme_survives_a_reload_and_is_in_the_first_response()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel(), colorScheme: ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");

        await page.ClickAsync("button.to-dark");
        // The toggle posts the choice and comes back to the same address: wait for the page it comes back to, which
        // the URL alone cannot tell from the one before the click.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var reload = await page.ReloadAsync();

        Assert.Equal(Pages.DarkBackground, await page.BackgroundAsync());
        // The server already renders the dark theme, so there is no light flash before any script runs.
        Assert.Contains("data-theme=\"dark\"", await reload!.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_persons_choice_follows_them_to_another_browser()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor);
        await using (var laptop = await Browser.NewContextAsync(baseUrl, colorScheme: ColorScheme.Light))
        {
            var page = await laptop.NewPageAsync();
            await page.SignInAsync(mentor);
            await page.ClickAsync("button.to-dark");
            await page.WaitForLoadStateAsync();
        }

        await using var phone = await Browser.NewContextAsync(baseUrl, Browser.Phone, ColorScheme.Light);
        var phonePage = await phone.NewPageAsync();
        await phonePage.SignInAsync(mentor);

        Assert.Equal(Pages.DarkBackground, await phonePage.BackgroundAsync());
    }
}
