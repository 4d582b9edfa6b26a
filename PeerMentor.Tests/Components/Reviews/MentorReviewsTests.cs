using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Reviews;

namespace PeerMentor.Tests.Components.Reviews;

public class MentorReviewsTests : SignedInComponentTest
{
    [Fact]
    public async Task One_review_form_is_open_the_first_still_to_review_and_another_opens_from_its_summary()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Rita Reviewer");
        var ana = await app.CreateAsync(Roles.Student, "Ana Student");
        var ben = await app.CreateAsync(Roles.Student, "Ben Student");
        await app.CreateProgramAsync("Review cohort", assign: true, mentor, ana, ben);
        await SignInAsync(mentor);

        var cut = Render<MentorReviews>();

        cut.WaitForAssertion(() => Assert.Equal(["Ana Student"], Forms(cut)));
        Assert.Equal(["Ben Student"], cut.FindAll("[data-testid=review-summary]").Select(s => s.GetAttribute("data-student")));
        cut.Find("button[aria-label='Review Ben Student']").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Ben Student"], Forms(cut)));
        Assert.NotNull(cut.Find("[aria-label='Progress for Ben Student']"));
    }

    [Fact]
    public async Task A_reviewed_student_shows_the_average_and_opens_with_the_saved_scores()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Rita Reviewer");
        var student = await app.CreateAsync(Roles.Student, "Riley Student");
        var programId = await app.CreateProgramAsync("Review cohort", assign: true, mentor, student);
        var week = WeeklyReview.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));
        await app.RunAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(mentor.Id, programId, student.Id, week,
            new Dictionary<string, int> { ["Progress"] = 6, ["Code quality"] = 5, ["Communication"] = 4 }, "Keep going."));
        await SignInAsync(mentor);

        var cut = Render<MentorReviews>();

        cut.WaitForAssertion(() => Assert.Contains("Average 5.0 of 10", cut.Find("[data-testid=review-summary]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Forms(cut));
        cut.Find("button[aria-label='Open the review of Riley Student']").Click();
        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[aria-label='Code quality for Riley Student']").GetAttribute("value")));
        Assert.Equal("Reviewed", cut.Find("[data-testid=review-form] [data-testid=review-state]").TextContent.Trim());
    }

    private static IEnumerable<string?> Forms(IRenderedComponent<MentorReviews> page) =>
        page.FindAll("[data-testid=review-form]").Select(f => f.GetAttribute("data-student"));
}
