using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Reviews;

namespace PeerMentor.Tests.Components.Reviews;

public class ReviewFormTests : SignedInComponentTest
{
    private static readonly string[] Rubric = ["Progress", "Code quality", "Communication"];
    private static readonly DateOnly ThisWeek = WeeklyReview.WeekOf(DateOnly.FromDateTime(DateTime.UtcNow));

    private TestUser student = null!;
    private TestUser mentor = null!;
    private Guid programId;

    [Fact]
    public async Task It_shows_one_labelled_box_per_criterion_and_leaves_the_week_to_the_page()
    {
        var cut = await RenderFormAsync();

        Assert.All(Rubric, criterion => Assert.NotNull(Input(cut, $"{criterion} for Riley Student")));
        Assert.Empty(cut.FindAll("[aria-label='Week reviewed for Riley Student']"));
        Assert.Equal("To review", cut.Find("[data-testid=review-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Every_label_points_at_a_real_input()
    {
        var cut = await RenderFormAsync();

        var labels = cut.FindAll("label.mud-input-label");
        Assert.Equal(Rubric.Length + 1, labels.Count);
        Assert.All(labels, label => Assert.Contains(cut.Find($"#{label.GetAttribute("for")}").TagName, new[] { "INPUT", "TEXTAREA" }));
    }

    [Fact]
    public async Task A_score_over_ten_is_refused_next_to_its_box_and_nothing_is_saved()
    {
        var cut = await RenderFormAsync();
        Fill(cut, progress: "8", code: "12", communication: "7", feedback: "Good week.");

        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("points go from 0 to 10", ErrorNextTo(cut, "Code quality for Riley Student"), StringComparison.Ordinal));
        Assert.Equal(0, await ReviewCountAsync());
    }

    [Fact]
    public async Task Missing_feedback_is_refused_next_to_the_feedback()
    {
        var cut = await RenderFormAsync();
        Fill(cut, progress: "8", code: "9", communication: "7", feedback: "");

        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal("Write a few words of feedback.", ErrorNextTo(cut, "Feedback for Riley Student")));
    }

    [Fact]
    public async Task A_week_that_has_not_started_is_refused_with_the_reason_in_the_form()
    {
        var cut = await RenderFormAsync(week: ThisWeek.AddDays(7));
        Fill(cut, progress: "8", code: "9", communication: "7", feedback: "Too early.");

        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("has not started yet", cut.Find("[data-testid=week-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("To review", cut.Find("[data-testid=review-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Saving_a_complete_review_stores_it_says_so_and_marks_the_student_reviewed()
    {
        var providers = await StartAsync();
        string? saved = null;
        var cut = RenderForm(onSaved: id => saved = id);
        Fill(cut, progress: "8", code: "9", communication: "7", feedback: "Great pairing this week.");

        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal("Reviewed", cut.Find("[data-testid=review-state]").TextContent.Trim()));
        Assert.Equal(student.Id, saved);
        Assert.Contains("Saved Riley Student's review", providers.Markup, StringComparison.Ordinal);
        var review = await App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().SingleAsync());
        Assert.Equal((8 + 9 + 7) / 3.0, review.Average, 3);
        Assert.Equal("Great pairing this week.", review.Feedback);
    }

    [Fact]
    public async Task An_existing_review_opens_filled_in_and_marked_reviewed()
    {
        await StartAsync();
        var existing = await App.RunAsync(async s =>
        {
            await s.GetRequiredService<ReviewService>().SubmitAsync(mentor.Id, programId, student.Id, ThisWeek,
                new Dictionary<string, int> { ["Progress"] = 6, ["Code quality"] = 5, ["Communication"] = 4 }, "Keep going.");
            return await s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().AsNoTracking().SingleAsync();
        });

        var cut = RenderForm(existing: existing);

        Assert.Equal("5", Input(cut, "Code quality for Riley Student").GetAttribute("value"));
        Assert.Equal("Reviewed", cut.Find("[data-testid=review-state]").TextContent.Trim());
        Assert.Equal("Save changes", cut.Find("button.mud-button-root").TextContent.Trim());
    }

    private async Task<IRenderedComponent<PeerMentor.Web.Components.Shared.MudProviders>> StartAsync()
    {
        await StartAppAsync();
        mentor = await App.CreateAsync(Roles.Mentor, "Rita Reviewer");
        student = await App.CreateAsync(Roles.Student, "Riley Student");
        programId = await App.CreateProgramAsync("Review cohort", assign: true, mentor, student);
        await SignInAsync(mentor);
        return RenderProviders();
    }

    private async Task<IRenderedComponent<ReviewForm>> RenderFormAsync(DateOnly? week = null)
    {
        await StartAsync();
        return RenderForm(week: week);
    }

    private IRenderedComponent<ReviewForm> RenderForm(DateOnly? week = null, WeeklyReview? existing = null, Action<string>? onSaved = null) =>
        Render<ReviewForm>(p => p.Add(x => x.ProgramId, programId).Add(x => x.StudentId, student.Id).Add(x => x.StudentName, "Riley Student")
            .Add(x => x.ProgramName, "Review cohort").Add(x => x.Criteria, Rubric).Add(x => x.Week, week ?? ThisWeek).Add(x => x.MentorId, mentor.Id)
            .Add(x => x.Existing, existing).Add(x => x.OnSaved, onSaved ?? (_ => { })));

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ReviewForm> cut, string label) => cut.Find($"[aria-label='{label}']");

    private static void Fill(IRenderedComponent<ReviewForm> cut, string progress, string code, string communication, string feedback)
    {
        Input(cut, "Progress for Riley Student").Change(progress);
        Input(cut, "Code quality for Riley Student").Change(code);
        Input(cut, "Communication for Riley Student").Change(communication);
        Input(cut, "Feedback for Riley Student").Change(feedback);
    }

    private static void Save(IRenderedComponent<ReviewForm> cut) => cut.Find("button.mud-button-root").Click();

    private static string ErrorNextTo(IRenderedComponent<ReviewForm> cut, string label) => ErrorUnder(cut, $"[aria-label='{label}']");

    private Task<int> ReviewCountAsync() => App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().CountAsync());
}
