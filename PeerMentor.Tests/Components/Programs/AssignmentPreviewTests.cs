using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using PeerMentor.Domain.Matching;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

/// <summary>
/// The preview works on a real assignment instance: the plan is the solver's, and moves go through the domain's
/// PlanAdjustment, as the page's service call does, without a database.
/// </summary>
public class AssignmentPreviewTests : ComponentTest
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["m-ada"] = "Ada Mentor", ["m-bo"] = "Bo Mentor", ["s-cy"] = "Cy Student", ["s-di"] = "Di Student", ["s-ed"] = "Ed Student",
    };

    private static readonly Dictionary<string, int> Experience = new() { ["s-cy"] = 4, ["s-di"] = 2, ["s-ed"] = 1 };

    private AssignmentInstance instance = Instance(adaTakes: 3, boTakes: 3);
    private AssignmentResult plan = default!;
    private bool confirmed, discarded;

    private static AssignmentInstance Instance(int adaTakes, int boTakes, params ForbiddenPair[] forbidden) => new(
        Experience.Select(e => new StudentExperience(e.Key, e.Value)).ToList(),
        [new MentorGroup("m-ada", adaTakes, []), new MentorGroup("m-bo", boTakes, [])],
        forbidden);

    [Fact]
    public void Each_mentor_is_a_card_with_their_new_students_and_the_experience_they_bring()
    {
        var cut = RenderPreview();

        Assert.Equal(["Cy Student"], StudentsOf(cut, "Ada Mentor"));
        Assert.Equal(["Di Student", "Ed Student"], StudentsOf(cut, "Bo Mentor"));
        Assert.Equal("4", Total(cut, "Ada Mentor"));
        Assert.Equal("3", Total(cut, "Bo Mentor"));
        Assert.Contains("4 y", cut.Find("[data-student='Cy Student']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_balance_says_when_the_plan_is_optimal_and_how_far_apart_the_groups_are()
    {
        var cut = RenderPreview();

        Assert.Contains("— this is optimal.", cut.Find("[data-testid=balance]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Group totals range from 3 to 4 years.", cut.Find("[data-testid=spread]").TextContent);
    }

    [Fact]
    public async Task Moving_a_student_by_hand_puts_them_in_the_chosen_group_and_recomputes_the_totals()
    {
        var cut = RenderPreview();

        await MoveAsync(cut, "Di Student", "Ada Mentor");

        cut.WaitForAssertion(() => Assert.Equal(["Cy Student", "Di Student"], StudentsOf(cut, "Ada Mentor")));
        Assert.Equal(["Ed Student"], StudentsOf(cut, "Bo Mentor"));
        Assert.Equal(("6", "1"), (Total(cut, "Ada Mentor"), Total(cut, "Bo Mentor")));
        Assert.Contains("1.50 times that bound", cut.Find("[data-testid=balance]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Moved Di Student to Ada Mentor.", cut.Find("[data-testid=move-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_mentor_cannot_be_chosen_as_the_target_of_a_move()
    {
        instance = Instance(adaTakes: 1, boTakes: 3);
        var cut = RenderPreview();

        OpenMoveMenu(cut, "Di Student");

        var target = Provider.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Ada Mentor", StringComparison.Ordinal));
        Assert.Contains("1 of 1, full", target.TextContent, StringComparison.Ordinal);
        Assert.Contains("disabled", target.ClassName ?? "", StringComparison.Ordinal);
        Assert.Contains("1 of 1 · full", Group(cut, "Ada Mentor").QuerySelector("[data-testid=group-fill]")!.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_the_rules_refuse_is_explained_and_the_plan_stays_as_it_was()
    {
        // Bo left Cy earlier in the program, so Cy may not join him again.
        instance = Instance(adaTakes: 3, boTakes: 3, new ForbiddenPair("s-cy", "m-bo"));
        var cut = RenderPreview();
        var before = plan;

        await MoveAsync(cut, "Cy Student", "Bo Mentor");

        cut.WaitForAssertion(() => Assert.Contains("Cy Student cannot join Bo Mentor", cut.Find("[data-testid=move-message]").TextContent, StringComparison.Ordinal));
        Assert.Same(before, plan);
        Assert.Equal(["Cy Student"], StudentsOf(cut, "Ada Mentor"));
    }

    [Fact]
    public void Confirm_asks_the_page_to_apply_the_plan_and_discard_drops_it()
    {
        var cut = RenderPreview();

        Button(cut, "Confirm and notify").Click();
        Button(cut, "Discard preview").Click();

        Assert.True(confirmed);
        Assert.True(discarded);
    }

    [Fact]
    public void While_the_page_applies_the_plan_both_buttons_wait_and_confirm_shows_progress()
    {
        var cut = RenderPreview(busy: true);

        Assert.True(Button(cut, "Confirm and notify").HasAttribute("disabled"));
        Assert.True(Button(cut, "Discard preview").HasAttribute("disabled"));
        Assert.NotNull(Button(cut, "Confirm and notify").QuerySelector(".mud-progress-circular"));
    }

    [Fact]
    public void With_every_student_placed_already_there_is_nothing_to_confirm()
    {
        instance = new AssignmentInstance([], [new MentorGroup("m-ada", 3, [new StudentExperience("s-cy", 4)])], []);
        var cut = RenderPreview(placements: []);

        Assert.True(Button(cut, "Confirm and notify").HasAttribute("disabled"));
        Assert.Contains("nothing to confirm", cut.Find("[data-testid=nothing-to-assign]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 already in the group", Group(cut, "Ada Mentor").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<MudPopoverProvider> Provider { get; set; } = default!;

    /// <summary>Cy with Ada, Di and Ed with Bo unless told otherwise: a plan fixed by hand, so the tests know who is where.</summary>
    private IRenderedComponent<AssignmentPreview> RenderPreview(bool busy = false, PeerMentor.Domain.Matching.Placement[]? placements = null)
    {
        Provider = Render<MudPopoverProvider>();
        placements ??= [new("s-cy", "m-ada"), new("s-di", "m-bo"), new("s-ed", "m-bo")];
        plan = PlanAdjustment.Figures(instance, placements, instance.Solve().LowerBound, []);
        IRenderedComponent<AssignmentPreview>? cut = null;
        cut = Render<AssignmentPreview>(p => p
            .Add(x => x.Plan, plan)
            .Add(x => x.Names, Names)
            .Add(x => x.Experience, Experience)
            .Add(x => x.Capacities, instance.Mentors.ToDictionary(m => m.Id, m => m.Capacity))
            .Add(x => x.Move, (student, mentor) => Task.FromResult(PlanAdjustment.Move(instance, plan, student, mentor, id => Names[id])))
            .Add(x => x.PlanChanged, moved => { plan = moved; cut!.Render(q => q.Add(x => x.Plan, moved)); })
            .Add(x => x.OnConfirm, () => confirmed = true)
            .Add(x => x.OnCancel, () => discarded = true)
            .Add(x => x.Busy, busy));
        return cut;
    }

    private static IElement Group(IRenderedComponent<AssignmentPreview> cut, string mentor) => cut.Find($"[data-testid=preview-group][data-mentor='{mentor}']");

    private static string[] StudentsOf(IRenderedComponent<AssignmentPreview> cut, string mentor) =>
        Group(cut, mentor).QuerySelectorAll("[data-testid=preview-student]").Select(s => s.GetAttribute("data-student")!).ToArray();

    private static string Total(IRenderedComponent<AssignmentPreview> cut, string mentor) =>
        Group(cut, mentor).QuerySelector("[data-testid=group-total]")!.TextContent;

    private static IElement Button(IRenderedComponent<AssignmentPreview> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains(text, StringComparison.Ordinal));

    private static void OpenMoveMenu(IRenderedComponent<AssignmentPreview> cut, string student) =>
        cut.Find($"button[aria-label='Move {student}']").Click();

    private async Task MoveAsync(IRenderedComponent<AssignmentPreview> cut, string student, string mentor)
    {
        OpenMoveMenu(cut, student);
        var item = Provider.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains(mentor, StringComparison.Ordinal));
        await item.ClickAsync(new());
    }
}
