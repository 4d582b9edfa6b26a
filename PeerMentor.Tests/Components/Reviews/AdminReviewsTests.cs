using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Reviews;

namespace PeerMentor.Tests.Components.Reviews;

public class AdminReviewsTests : SignedInComponentTest
{
    private static readonly DateOnly ThisWeek = WeeklyReview.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public async Task The_newest_week_comes_first()
    {
        await StartAsync();

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(["Riley Student", "Riley Student"], Students(cut)));
        Assert.Equal(ThisWeek.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), cut.FindAll("td[data-label=Week] .nowrap")[0].TextContent);
    }

    [Fact]
    public async Task Searching_reloads_with_only_the_matching_students_reviews()
    {
        await StartAsync(secondStudent: "Sam Other");
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal(3, Students(cut).Length));

        cut.Find("input[aria-label='Search reviews']").Input("sam");

        cut.WaitForAssertion(() => Assert.Equal(["Sam Other"], Students(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task On_phones_and_small_tablets_each_review_is_a_labelled_card()
    {
        await StartAsync();

        Assert.Contains("mud-sm-table", RenderPage().Find(".mud-table").ClassList);
    }

    [Fact]
    public async Task Revise_on_a_row_opens_that_review_and_saving_it_keeps_the_change_in_its_history()
    {
        await StartAsync();
        var cut = RenderPage();
        var week = ThisWeek.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        cut.WaitForElement($"button[aria-label=\"Revise Riley Student's review for the week of {week}\"]:not([disabled])").ClickRowAction();
        cut.WaitForAssertion(() => Assert.Contains("Save revision", cut.Markup));
        cut.Find("textarea").Change("Corrected by an admin.");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save revision").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved; the change is in Riley Student's review history.", cut.Markup));
        cut.WaitForAssertion(() => Assert.Contains("Corrected by an admin.", cut.Find("tbody td[data-label=Feedback]").TextContent));
        Assert.Contains("Revised once", cut.Find("tbody td[data-label=Feedback]").TextContent);
    }

    [Fact]
    public async Task A_long_feedback_shows_its_start_in_the_list_and_whole_when_revised()
    {
        var feedback = string.Join(' ', Enumerable.Repeat("Careful work on the tests this week.", 60));
        await StartAsync(feedback: feedback);
        var cut = RenderPage();
        var week = ThisWeek.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        var shown = cut.WaitForElement("tbody td[data-label=Feedback] .feedback-clamp").TextContent;
        Assert.EndsWith("…", shown);
        Assert.InRange(shown.Length, 140, 281);
        Assert.StartsWith(shown[..^1], feedback);

        cut.WaitForElement($"button[aria-label=\"Revise Riley Student's review for the week of {week}\"]:not([disabled])").ClickRowAction();
        cut.WaitForAssertion(() => Assert.Equal(feedback, cut.Find("textarea").GetAttribute("value")));
    }

    /// <summary>Rita reviews Riley this week and last (and the second student this week); an admin is signed in.</summary>
    private async Task StartAsync(string? secondStudent = null, string feedback = "Good week.")
    {
        await StartAppAsync();
        var mentor = await App.CreateAsync(Roles.Mentor, "Rita Reviewer");
        var student = await App.CreateAsync(Roles.Student, "Riley Student");
        TestUser[] members = secondStudent is null ? [mentor, student] : [mentor, student, await App.CreateAsync(Roles.Student, secondStudent)];
        var programId = await App.CreateProgramAsync("Review cohort", assign: true, members);
        await App.RunAsync(async s =>
        {
            var reviews = s.GetRequiredService<ReviewService>();
            var points = new Dictionary<string, int> { ["Progress"] = 7, ["Code quality"] = 7, ["Communication"] = 7 };
            foreach (var member in members.Skip(1))
                await reviews.SubmitAsync(mentor.Id, programId, member.Id, ThisWeek, points, feedback);
            // The program starts today, so last week is outside it: written directly, as an older cohort's review would be.
            var (_, older) = WeeklyReview.Create(programId, mentor.Id, student.Id, ThisWeek.AddDays(-7), ["Progress"], new Dictionary<string, int> { ["Progress"] = 5 }, "Earlier.", DateTime.UtcNow);
            var db = s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>();
            db.Add(older!);
            await db.SaveChangesAsync();
        });
        // The page places its own providers.
        await SignInAsync(await App.CreateAsync(Roles.Admin, "Ada Admin"));
    }

    private IRenderedComponent<AdminReviews> RenderPage() =>
        Render<AdminReviews>(p => p.AddCascadingValue(AuthenticationState));

    private static string[] Students(IRenderedComponent<AdminReviews> cut) =>
        cut.FindAll("tbody td[data-label=Student]").Select(td => td.TextContent.Trim()).ToArray();
}
