using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ReviewFlowTests
{
    [Fact]
    public async Task A_mentor_scores_their_students_week_and_the_student_reads_it()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Rita Reviewer");
        var student = await app.CreateAsync(Roles.Student, "Riley Student");
        await app.CreateProgramAsync("Review cohort", assign: true, mentor, student);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);

        await page.GotoAsync("mentor/reviews");
        var form = page.Locator("[data-testid=review-form][data-student='Riley Student']");
        await form.GetByLabel("Progress for Riley Student").FillAsync("8");
        await form.GetByLabel("Code quality for Riley Student").FillAsync("12");
        await form.GetByLabel("Communication for Riley Student").FillAsync("7");
        await form.GetByLabel("Feedback for Riley Student").FillAsync("Great pairing this week.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Expect(form.Locator("#Code\\ quality-error")).ToContainTextAsync("0 to 10");
        await form.GetByLabel("Code quality for Riley Student").FillAsync("9");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await studentPage.GotoAsync("reviews");
        await Expect(studentPage.GetByTestId("review")).ToContainTextAsync("Great pairing this week.");
        await Expect(studentPage.GetByTestId("trend")).ToContainTextAsync("8.0");
    }
}
