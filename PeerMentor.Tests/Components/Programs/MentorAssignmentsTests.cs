using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class MentorAssignmentsTests : SignedInComponentTest
{
    private TestUser mentor = null!;
    private Guid ungradedId;

    [Fact]
    public async Task The_list_opens_on_work_to_grade_and_turning_the_switch_off_shows_graded_work_to_regrade()
    {
        await StartAsync();
        var cut = Render<MentorAssignments>();
        cut.WaitForAssertion(() => Assert.Equal(["Sara Student"], Students(cut)));
        Assert.Equal("To grade", GradeCell(cut, 0));
        Assert.Equal("Grade", ActionButtons(cut).Single().TextContent.Trim());

        cut.Find("input[role=switch]").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(2, Students(cut).Length));
        var graded = Array.IndexOf(Students(cut), "Tom Student");
        Assert.Equal("75 / 100", GradeCell(cut, graded));
        Assert.Equal("Regrade", ActionButtons(cut)[graded].TextContent.Trim());
        Assert.Equal("Regrade Tom Student: Testing essay", ActionButtons(cut)[graded].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_switch_is_a_labelled_switch_that_is_on_at_first()
    {
        await StartAsync();

        var cut = Render<MentorAssignments>();

        var toggle = Labelled(cut, "Only work to grade");
        Assert.Equal("switch", toggle.GetAttribute("role"));
        Assert.True(toggle.HasAttribute("checked"));
    }

    [Fact]
    public async Task Typing_a_search_asks_the_database_for_the_matching_hand_ins_only()
    {
        await StartAsync();
        var cut = RenderAllWork();

        cut.Find("input[aria-label='Search hand-ins']").Input("tom");

        cut.WaitForAssertion(() => Assert.Equal(["Tom Student"], Students(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Sorting_by_student_orders_the_hand_ins_by_name_and_again_reverses_them()
    {
        await StartAsync();
        var cut = RenderAllWork();

        SortBy(cut, "Student");
        cut.WaitForAssertion(() => Assert.Equal(["Sara Student", "Tom Student"], Students(cut)));
        SortBy(cut, "Student");

        cut.WaitForAssertion(() => Assert.Equal(["Tom Student", "Sara Student"], Students(cut)));
    }

    [Fact]
    public async Task Grading_opens_the_panel_with_the_students_work_and_the_grade_form_for_that_hand_in()
    {
        await StartAsync();
        var cut = RenderAllWork();

        cut.Find("button[aria-label='Regrade Tom Student: Testing essay']").ClickRowAction();

        var panel = cut.WaitForElement("[data-testid=submission]");
        Assert.Equal("Tom Student", panel.GetAttribute("data-student"));
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.com/tom");
        Assert.Equal("75", cut.Find("[aria-label='Grade for Tom Student']").GetAttribute("value"));
        Assert.Equal("Graded 75 / 100", cut.Find("[data-testid=grade-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Work_gone_since_the_list_loaded_says_so_and_the_list_drops_it()
    {
        await StartAsync();
        var cut = Render<MentorAssignments>();
        cut.WaitForAssertion(() => Assert.Equal(["Sara Student"], Students(cut)));
        await App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await db.Set<Submission>().Where(x => x.Id == ungradedId).ExecuteDeleteAsync();
        });

        cut.Find("button[aria-label='Grade Sara Student: Testing essay']").ClickRowAction();

        cut.WaitForAssertion(() => Assert.Contains("That hand-in is no longer here: it was handed in again or removed.", cut.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Empty(Students(cut)));
        Assert.Empty(cut.FindAll("[data-testid=submission]"));
    }

    [Fact]
    public async Task A_page_only_read_holds_no_dialog_providers_and_deleting_still_asks_first_then_says_it_is_done()
    {
        await StartAsync();
        var cut = Render<MentorAssignments>();
        cut.WaitForElement("button[aria-label='Delete Reading list']");
        Assert.Empty(cut.FindComponents<MudDialogProvider>());

        cut.Find("button[aria-label='Delete Reading list']").Click();
        cut.WaitForAssertion(() => Assert.Contains("“Reading list” disappears for its students.", cut.Find("[data-testid=confirm-question]").TextContent, StringComparison.Ordinal));
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.Contains("“Reading list” deleted.", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(["Testing essay"], cut.FindAll("[data-testid=mentor-assignment]").Select(c => c.GetAttribute("data-title")));
    }

    private async Task StartAsync()
    {
        await StartAppAsync();
        mentor = await App.CreateAsync(Roles.Mentor, "Milo Mentor");
        var sara = await App.CreateAsync(Roles.Student, "Sara Student");
        var tom = await App.CreateAsync(Roles.Student, "Tom Student");
        var programId = await App.CreateProgramAsync("Grading cohort", assign: true, mentor, sara, tom);
        ungradedId = await App.RunAsync(async s =>
        {
            var assignments = s.GetRequiredService<AssignmentService>();
            var (_, assignmentId) = await assignments.PostAsync(mentor.Id, false, programId, new AssignmentInput("Testing essay", "", DateTime.UtcNow.AddDays(3)));
            await assignments.PostAsync(mentor.Id, false, programId, new AssignmentInput("Reading list", "", DateTime.UtcNow.AddDays(5)));
            await assignments.SubmitAsync(sara.Id, assignmentId!.Value, null, "https://example.com/sara");
            await assignments.SubmitAsync(tom.Id, assignmentId.Value, null, "https://example.com/tom");
            var db = s.GetRequiredService<AppDbContext>();
            var ids = await db.Set<Submission>().ToDictionaryAsync(x => x.StudentId, x => x.Id);
            Assert.True((await assignments.ReviewAsync(mentor.Id, ids[tom.Id], 75, "Good.")).Succeeded);
            return ids[sara.Id];
        });
        await SignInAsync(mentor);
    }

    /// <summary>The page with the switch turned off: graded work listed too.</summary>
    private IRenderedComponent<MentorAssignments> RenderAllWork()
    {
        var cut = Render<MentorAssignments>();
        cut.Find("input[role=switch]").Change(false);
        cut.WaitForAssertion(() => Assert.Equal(2, Students(cut).Length));
        return cut;
    }

    private static string[] Students(IRenderedComponent<MentorAssignments> cut) =>
        cut.FindAll("[data-testid=hand-ins] tbody td[data-label=Student]").Select(td => td.TextContent.Trim()).ToArray();

    private static string GradeCell(IRenderedComponent<MentorAssignments> cut, int row) =>
        cut.FindAll("[data-testid=hand-ins] tbody td[data-label=Grade]")[row].TextContent.Trim();

    private static IReadOnlyList<AngleSharp.Dom.IElement> ActionButtons(IRenderedComponent<MentorAssignments> cut) =>
        cut.FindAll("[data-testid=hand-ins] tbody td.list-action button");

    private static void SortBy(IRenderedComponent<MentorAssignments> cut, string column) =>
        cut.FindAll("[data-testid=hand-ins] th button.mud-table-sort-label").Single(b => b.TextContent.Trim() == column).Click();
}
