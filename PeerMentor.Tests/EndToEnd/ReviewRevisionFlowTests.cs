using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ReviewRevisionFlowTests
{
    [Fact]
    public async Task An_admin_whose_first_action_on_the_reviews_list_is_revise_gets_the_dialog_and_the_change_is_kept()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Rita Reviewer");
        var student = await app.CreateAsync(Roles.Student, "Riley Student");
        var programId = await app.CreateProgramAsync("Review cohort", assign: true, mentor, student);
        var week = WeeklyReview.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));
        await app.RunAsync(async s =>
        {
            var points = new Dictionary<string, int> { ["Progress"] = 7, ["Code quality"] = 7, ["Communication"] = 7 };
            var submitted = await s.GetRequiredService<ReviewService>().SubmitAsync(mentor.Id, programId, student.Id, week, points, "Good week.");
            Assert.True(submitted.Succeeded, submitted.Summary);
        });
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(await app.CreateAsync(Roles.Admin, "Ada Admin"));

        // The list holds no dialog provider until it is needed: the first click brings it with the dialog.
        await page.GotoAsync("admin/reviews");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revise Riley Student's review") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Feedback for Riley Student").FillAsync("Corrected by an admin.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();

        await Expect(page.GetByText("Saved; the change is in Riley Student's review history.")).ToBeVisibleAsync();
        await Expect(page.Locator("tbody td[data-label=Feedback]")).ToContainTextAsync("Corrected by an admin.");
        await Expect(page.Locator("tbody td[data-label=Feedback]")).ToContainTextAsync("Revised once");
    }
}
