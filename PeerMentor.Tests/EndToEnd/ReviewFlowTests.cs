using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ReviewFlowTests
{
    /// <summary>Rita Reviewer mentors Riley Student in a program that starts today; Rita is signed in.</summary>
    private sealed record World(AppFactory App, string BaseUrl, TestUser Student, IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public static async Task<World> CreateAsync()
        {
            var app = await AppFactory.CreateAsync(smtp: false);
            var baseUrl = app.StartKestrel();
            var mentor = await app.CreateAsync(Roles.Mentor, "Rita Reviewer");
            var student = await app.CreateAsync(Roles.Student, "Riley Student");
            await app.CreateProgramAsync("Review cohort", assign: true, mentor, student);
            var context = await Browser.NewContextAsync(baseUrl);
            var page = await context.NewPageAsync();
            await page.SignInAsync(mentor);
            return new World(app, baseUrl, student, context, page);
        }

        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await App.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_mentor_scores_their_students_week_and_the_student_reads_it()
    {
        await using var world = await World.CreateAsync();
        var (baseUrl, student, page) = (world.BaseUrl, world.Student, world.Page);

        await page.GotoAsync("mentor/reviews");
        var form = page.Locator("[data-testid=review-form][data-student='Riley Student']");
        await form.GetByLabel("Progress for Riley Student").FillAsync("8");
        await form.GetByLabel("Code quality for Riley Student").FillAsync("12");
        await form.GetByLabel("Communication for Riley Student").FillAsync("7");
        await form.GetByLabel("Feedback for Riley Student").FillAsync("Great pairing this week.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Expect(ErrorBy(form, "Code quality for Riley Student")).ToContainTextAsync("0 to 10");
        await form.GetByLabel("Code quality for Riley Student").FillAsync("9");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Expect(form.GetByTestId("review-state")).ToHaveTextAsync("Reviewed");

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await studentPage.GotoAsync("reviews");
        await Expect(studentPage.GetByTestId("review")).ToContainTextAsync("Great pairing this week.");
        await Expect(studentPage.GetByTestId("trend")).ToContainTextAsync("8.0");
    }

    [Fact]
    public async Task A_review_for_next_week_is_refused_with_the_reason_in_the_form()
    {
        await using var world = await World.CreateAsync();
        var page = world.Page;
        await page.GotoAsync("mentor/reviews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();

        var form = page.Locator("[data-testid=review-form][data-student='Riley Student']");
        var nextMonday = PeerMentor.Domain.Reviews.WeeklyReview.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(7);
        await Expect(page.GetByTestId("week")).ToHaveTextAsync("Week of " + nextMonday.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var criterion in new[] { "Progress", "Code quality", "Communication" })
            await form.GetByLabel($"{criterion} for Riley Student").FillAsync("7");
        await form.GetByLabel("Feedback for Riley Student").FillAsync("Written a week early.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();

        await Expect(form.GetByTestId("week-error")).ToContainTextAsync("has not started yet");
        await Expect(form.GetByTestId("review-state")).ToHaveTextAsync("To review");
    }

    /// <summary>The error shown under the field with this label (inside the same input control).</summary>
    private static ILocator ErrorBy(ILocator form, string label) =>
        form.Locator(".mud-input-control", new() { Has = form.Page.GetByLabel(label) }).Locator(".mud-input-helper-text.mud-input-error");
}
