using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ButtonContrastTests
{
    // The text colour against the first ancestor (or the button itself) that paints a background.
    private const string ContrastScript = """
        button => {
            const rgb = s => s.match(/[\d.]+/g).slice(0, 4).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
            let element = button, background;
            do {
                const paint = rgb(getComputedStyle(element).backgroundColor);
                if (paint.length < 4 || paint[3] > 0) background = paint;
                element = element.parentElement;
            } while (!background && element);
            const [a, b] = [lum(rgb(getComputedStyle(button).color)), lum(background ?? [255, 255, 255])];
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Outlined_buttons_are_readable_in_both_themes(ColorScheme scheme)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor);
        await using var context = await Browser.NewContextAsync(baseUrl, colorScheme: scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);
        await page.GotoAsync("mentor/availability");

        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Publish next week's slots" });
        await Expect(publish).ToBeEnabledAsync();

        var ratio = await publish.EvaluateAsync<double>(ContrastScript);
        Assert.True(ratio >= 4.5, $"contrast {ratio:0.00}:1, needs 4.5:1");
    }
}
