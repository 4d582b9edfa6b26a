using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ProgramSettingsPageTests
{
    /// <summary>An admin's browser on a new program's page; the context's one page is that page.</summary>
    private static async Task<IBrowserContext> OpenProgramPageAsync(AppFactory app, string programName)
    {
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin);
        var programId = await app.CreateProgramAsync(programName, assign: false);
        var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);
        await page.GotoAsync($"admin/programs/{programId}");
        return context;
    }

    [Fact]
    public async Task An_admin_sets_the_removal_rule_and_weekly_auto_apply_and_a_rule_that_makes_no_sense_is_explained()
    {
        await using var app = await AppFactory.CreateAsync();
        await using var context = await OpenProgramPageAsync(app, "Rules cohort");
        var page = context.Pages[0];
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save automation settings" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit automation settings" }).ClickAsync();
        await Expect(save).ToBeEnabledAsync();

        await page.FillAsync("#RemovalWeeks", "2");
        await save.ClickAsync();
        await Expect(page.GetByText("more weeks than probation (2)")).ToBeVisibleAsync();

        await page.FillAsync("#ProbationThreshold", "3.5");
        await page.FillAsync("#RemovalWeeks", "5");
        await page.GetByLabel("Apply the proposals every Monday without waiting for me").CheckAsync();
        await save.ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("automation-settings")).ToContainTextAsync("Below an average of 3.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit automation settings" }).ClickAsync();
        await Expect(page.Locator("#ProbationThreshold")).ToHaveValueAsync("3.5");
        await Expect(page.Locator("#RemovalWeeks")).ToHaveValueAsync("5");
        await Expect(page.GetByLabel("Apply the proposals every Monday without waiting for me")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task An_admin_renames_a_program_and_changes_its_rubric_and_a_capacity_of_zero_is_explained()
    {
        await using var app = await AppFactory.CreateAsync();
        await using var context = await OpenProgramPageAsync(app, "Draft cohort");
        var page = context.Pages[0];
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save program details" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit program details" }).ClickAsync();
        await Expect(save).ToBeEnabledAsync();

        await page.FillAsync("#Capacity", "0");
        await save.ClickAsync();
        await Expect(page.GetByText("Take 1 to 5,000 students.")).ToBeVisibleAsync();

        await page.FillAsync("#Capacity", "25");
        await page.FillAsync("#Name", "Winter cohort");
        await page.FillAsync("#Criteria", "Delivery, Testing, Teamwork");
        await save.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Winter cohort", Level = 1 })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("program-details")).ToContainTextAsync("Delivery, Testing, Teamwork");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit program details" }).ClickAsync();
        await Expect(page.Locator("#Criteria")).ToHaveValueAsync("Delivery, Testing, Teamwork");
        await Expect(page.Locator("#Capacity")).ToHaveValueAsync("25");
    }
}
