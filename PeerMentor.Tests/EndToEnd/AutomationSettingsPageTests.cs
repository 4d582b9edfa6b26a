using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class AutomationSettingsPageTests
{
    [Fact]
    public async Task An_admin_sets_the_removal_rule_and_weekly_auto_apply_and_a_rule_that_makes_no_sense_is_explained()
    {
        await using var app = await AppFactory.CreateAsync();
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin);
        var programId = await app.CreateProgramAsync("Rules cohort", assign: false);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);
        await page.GotoAsync($"admin/programs/{programId}");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save automation settings" });
        await Expect(save).ToBeEnabledAsync();

        await page.FillAsync("#RemovalWeeks", "2");
        await save.ClickAsync();
        await Expect(page.Locator("#RemovalWeeks-error")).ToContainTextAsync("more weeks than probation (2)");

        await page.FillAsync("#ProbationThreshold", "3.5");
        await page.FillAsync("#RemovalWeeks", "5");
        await page.GetByLabel("Apply the proposals every Monday without waiting for me").CheckAsync();
        await save.ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#ProbationThreshold")).ToHaveValueAsync("3.5");
        await Expect(page.Locator("#RemovalWeeks")).ToHaveValueAsync("5");
        await Expect(page.GetByLabel("Apply the proposals every Monday without waiting for me")).ToBeCheckedAsync();
    }
}
