using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Components.Programs;

public class SubmissionReviewTests : SignedInComponentTest
{
    private TestUser mentor = null!;
    private TestUser student = null!;
    private Guid submissionId;
    private IRenderedComponent<MudProviders> providers = null!;

    [Fact]
    public async Task The_grade_and_comments_labels_point_at_their_inputs()
    {
        var cut = await RenderFormAsync();

        Assert.Equal("Grade for Sara Student", Labelled(cut, "Grade (0–100)").GetAttribute("aria-label"));
        Assert.Equal("Comments for Sara Student", Labelled(cut, "Comments").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Ungraded_work_says_so()
    {
        var cut = await RenderFormAsync();

        Assert.Equal("Not graded yet", cut.Find("[data-testid=grade-state]").TextContent.Trim());
    }

    [Fact]
    public async Task A_grade_over_100_is_refused_next_to_the_grade_and_nobody_is_asked_or_mailed()
    {
        var cut = await RenderFormAsync();
        cut.Find("[aria-label='Grade for Sara Student']").Change("120");

        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal("Give a grade from 0 to 100.", GradeError(cut)));
        Assert.Empty(providers.FindAll("[data-testid=confirm-question]"));
        Assert.Null(await StoredGradeAsync());
    }

    [Fact]
    public async Task Saving_asks_before_mailing_then_stores_the_grade_and_mails_the_student()
    {
        var cut = await RenderFormAsync();
        cut.Find("[aria-label='Grade for Sara Student']").Change("92");
        cut.Find("[aria-label='Comments for Sara Student']").Change("Sharp and well argued.");

        Save(cut);
        providers.WaitForAssertion(() => Assert.Contains("Sara Student is emailed the grade 92 / 100", providers.Find("[data-testid=confirm-question]").TextContent, StringComparison.Ordinal));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Save and email").Click();

        cut.WaitForAssertion(() => Assert.Equal("Graded 92 / 100", cut.Find("[data-testid=grade-state]").TextContent.Trim()));
        Assert.Equal(92, await StoredGradeAsync());
        Assert.Equal(1, await App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.CountAsync(m => m.UserId == student.Id)));
    }

    [Fact]
    public async Task Declining_the_question_saves_nothing()
    {
        var cut = await RenderFormAsync();
        cut.Find("[aria-label='Grade for Sara Student']").Change("70");

        Save(cut);
        providers.WaitForElement("[data-testid=confirm-question]");
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Not now").Click();

        cut.WaitForAssertion(() => Assert.Empty(providers.FindAll("[data-testid=confirm-question]")));
        Assert.Null(await StoredGradeAsync());
    }

    private async Task<IRenderedComponent<SubmissionReview>> RenderFormAsync()
    {
        await StartAppAsync();
        mentor = await App.CreateAsync(Roles.Mentor, "Milo Mentor");
        student = await App.CreateAsync(Roles.Student, "Sara Student");
        var programId = await App.CreateProgramAsync("Grading cohort", assign: true, mentor, student);
        submissionId = await App.RunAsync(async s =>
        {
            var assignments = s.GetRequiredService<AssignmentService>();
            var (_, assignmentId) = await assignments.PostAsync(mentor.Id, false, programId, new AssignmentInput("Testing essay", "", DateTime.UtcNow.AddDays(3)));
            await assignments.SubmitAsync(student.Id, assignmentId!.Value, null, "https://example.com/essay");
            var db = s.GetRequiredService<AppDbContext>();
            db.Outbox.RemoveRange(db.Outbox);
            await db.SaveChangesAsync();
            return await db.Set<Submission>().Select(x => x.Id).SingleAsync();
        });
        await SignInAsync(mentor);
        providers = RenderProviders();
        return Render<SubmissionReview>(p => p.Add(x => x.SubmissionId, submissionId).Add(x => x.MentorId, mentor.Id).Add(x => x.StudentName, "Sara Student"));
    }

    private static void Save(IRenderedComponent<SubmissionReview> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save grade", StringComparison.Ordinal)).Click();

    private static string GradeError(IRenderedComponent<SubmissionReview> cut) => ErrorUnder(cut, "[aria-label='Grade for Sara Student']");

    private Task<int?> StoredGradeAsync() =>
        App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<Submission>().Where(x => x.Id == submissionId).Select(x => x.Grade).SingleAsync());
}
