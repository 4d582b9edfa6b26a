using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class ProgramAutomationsTests : SignedInComponentTest
{
    private SchedulingScenario world = default!;

    [Fact]
    public async Task Without_reviews_the_proposals_say_why_nothing_is_proposed_and_offer_nothing_to_confirm()
    {
        var programId = await ProgramAsync(reviewed: false);
        var cut = Render<ProgramAutomations>(p => p.Add(x => x.ProgramId, programId));

        Propose(cut);

        cut.WaitForAssertion(() => Assert.Contains("No pairs: students need reviews first.", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("Nothing to confirm this week.", cut.Find("[data-testid=nothing-proposed]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Confirm and notify", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proposals_list_the_buddies_and_the_probation_with_the_reason_each_student_will_read()
    {
        var programId = await ProgramAsync(reviewed: true);
        var cut = Render<ProgramAutomations>(p => p.Add(x => x.ProgramId, programId));

        Propose(cut);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=buddy-proposals] .icon-list-item").Count));
        Assert.Contains("Dan Struggling's review average was below 4.0", cut.Find("[data-testid=probation-proposals]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_asks_first_and_applies_the_proposals_only_after_the_admin_says_yes()
    {
        var programId = await ProgramAsync(reviewed: true);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<ProgramAutomations>(p => p.Add(x => x.ProgramId, programId));
        Propose(cut);
        cut.WaitForAssertion(() => ConfirmButton(cut));

        ConfirmButton(cut).Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Each student concerned is emailed why.", dialogs.Find("[data-testid=confirm-question]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await PairCountAsync());
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Confirm and notify", StringComparison.Ordinal)).Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Applied; each student was told why.", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(2, await PairCountAsync());
    }

    [Fact]
    public async Task Answering_not_now_applies_nothing_and_keeps_the_proposals_on_screen()
    {
        var programId = await ProgramAsync(reviewed: true);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ProgramAutomations>(p => p.Add(x => x.ProgramId, programId));
        Propose(cut);
        cut.WaitForAssertion(() => ConfirmButton(cut));

        ConfirmButton(cut).Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-question]"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Not now", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-question]")));
        Assert.Equal(0, await PairCountAsync());
        Assert.NotEmpty(cut.FindAll("[data-testid=buddy-proposals]"));
    }

    /// <summary>Four students under the scenario's mentor; reviewed for two weeks, Dan low both times.</summary>
    private async Task<Guid> ProgramAsync(bool reviewed)
    {
        world = await SchedulingScenario.CreateAsync();
        await StartAppAsync(world.App);
        await SignInAsync(await world.App.CreateAsync(Roles.Admin));
        var students = new List<TestUser>();
        foreach (var name in new[] { "Ann Strong", "Bob Steady", "Cat Middle", "Dan Struggling" }) students.Add(await world.App.CreateAsync(Roles.Student, name));
        var programId = await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput("Automated", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId, 10);
            foreach (var student in students) await programs.AddMemberAsync(id, student.Id);
            await programs.AssignAsync(id);
            return id;
        });
        if (!reviewed) return programId;
        var scores = new[] { 9, 7, 6, 3 };
        for (var i = 0; i < students.Count; i++)
            foreach (var week in new[] { new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 16) })
            {
                var points = new Dictionary<string, int> { ["Progress"] = scores[i], ["Code quality"] = scores[i], ["Communication"] = scores[i] };
                var studentId = students[i].Id;
                var saved = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(world.MentorId, programId, studentId, week, points, "Weekly notes"));
                Assert.True(saved.Succeeded, saved.Summary);
            }
        return programId;
    }

    private Task<int> PairCountAsync() => world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<BuddyPair>().CountAsync());

    private static void Propose(IRenderedComponent<ProgramAutomations> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Propose buddies", StringComparison.Ordinal)).Click();

    private static AngleSharp.Dom.IElement ConfirmButton(IRenderedComponent<ProgramAutomations> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Confirm and notify", StringComparison.Ordinal));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (world is not null) await world.DisposeAsync();
    }
}
