using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>The statically rendered account forms: what a browser and a password manager get from them.</summary>
public partial class AccountPagesTests
{
    [Fact]
    public async Task The_show_password_button_reveals_the_typed_password_and_hides_it_again()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel(), Browser.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.FillAsync("#Password", "lantern orchard seventeen");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show password" });

        await toggle.ClickAsync();
        await Expect(page.Locator("#Password")).ToHaveAttributeAsync("type", "text");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await toggle.ClickAsync();

        await Expect(page.Locator("#Password")).ToHaveAttributeAsync("type", "password");
        await Expect(page.Locator("#Password")).ToHaveValueAsync("lantern orchard seventeen");
    }

    [Theory]
    [InlineData("/account/login", "Input.Email", "username")]
    [InlineData("/account/login", "Input.Password", "current-password")]
    [InlineData("/account/register", "Input.Password", "new-password")]
    [InlineData("/account/reset-password", "Input.NewPassword", "new-password")]
    [InlineData("/account/reset-password", "Input.ConfirmPassword", "new-password")]
    public async Task Password_managers_are_told_what_each_field_holds(string path, string field, string autocomplete)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var html = await app.CreateClient().GetStringAsync(path);

        var input = InputTag().Matches(html).Select(m => m.Value).Single(tag => tag.Contains($"name=\"{field}\"", StringComparison.Ordinal));
        Assert.Contains($"autocomplete=\"{autocomplete}\"", input, StringComparison.Ordinal);
    }

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputTag();
}
