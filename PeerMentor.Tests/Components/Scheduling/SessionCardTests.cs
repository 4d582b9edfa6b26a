using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>
/// The card as each person sees a session of a real app with a held clock: the actions it offers are the ones
/// SessionChanges allows, and the ones it runs go through the real SessionService.
/// </summary>
public class SessionCardTests : AppComponentTest
{
    // Tuesday 24 Nov 2026, 09:00 in Berlin; the scenario's clock starts the day before at 07:00 Berlin.
    private static readonly DateTime Start = SchedulingScenario.Monday0900Berlin.AddDays(1);

    private SchedulingScenario scenario = default!;
    private string studentId = "";

    private async Task<Guid> RequestAsync(bool accept = false)
    {
        scenario = await SchedulingScenario.CreateAsync();
        UseApp(scenario.App);
        studentId = (await scenario.AddStudentsAsync(1))[0];
        var (requested, id) = await scenario.RequestAsync(studentId, Start);
        Assert.True(requested.Succeeded, requested.Summary);
        if (accept) Assert.True((await scenario.RunAsync(s => s.AcceptAsync(scenario.MentorId, id!.Value))).Succeeded);
        return id!.Value;
    }

    private Task<SessionView> ViewAsync(Guid id) =>
        App.RunAsync(async s => (await SessionView.QueryAsync(s.GetRequiredService<AppDbContext>(), q => q.Where(x => x.Id == id), take: 1)).Single());

    private async Task<IRenderedComponent<SessionCard>> RenderCardAsync(Guid id, string viewerId, bool asAdmin = false)
    {
        await SignInAsync(viewerId);
        var view = await ViewAsync(id);
        Render<MudPopoverProvider>();
        return Render<SessionCard>(p => p.Add(c => c.Session, view).Add(c => c.ViewerId, viewerId).Add(c => c.AsAdmin, asAdmin));
    }

    private static string[] Actions(IRenderedComponent<SessionCard> cut) =>
        cut.FindAll(".session-card-actions button").Select(b => b.TextContent.Trim()).ToArray();

    private static void Press(IRenderedComponent<SessionCard> cut, string text) =>
        cut.FindAll(".session-card-actions button").Single(b => b.TextContent.Trim() == text).Click();

    private Task<SessionStatus> StatusAsync(Guid id) => ViewAsync(id).ContinueWith(t => t.Result.Status);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (scenario is not null) await scenario.DisposeAsync();
    }

    [Fact]
    public async Task The_mentor_is_offered_accept_and_reject_on_a_request()
    {
        var id = await RequestAsync();

        var cut = await RenderCardAsync(id, scenario.MentorId);

        Assert.Equal(["Accept", "Reject"], Actions(cut));
        Assert.Equal("Awaiting your answer", cut.Find("[data-testid=status]").TextContent.Trim());
    }

    [Fact]
    public async Task The_student_is_offered_a_new_time_or_withdrawing_their_request_and_may_edit_its_agenda()
    {
        var id = await RequestAsync();

        var cut = await RenderCardAsync(id, studentId);

        Assert.Equal(["Change time", "Withdraw"], Actions(cut));
        Assert.NotNull(cut.Find("button[aria-label='Edit agenda']"));
    }

    [Fact]
    public async Task Before_the_cutoff_a_booked_session_can_be_moved_or_cancelled()
    {
        var id = await RequestAsync(accept: true);

        var cut = await RenderCardAsync(id, studentId);

        Assert.Equal(["Move", "Cancel"], Actions(cut));
        Assert.Empty(cut.FindAll("[data-testid=changes-closed]"));
    }

    [Fact]
    public async Task Inside_the_cutoff_a_booked_session_offers_no_move_or_cancel_and_says_what_to_do_instead()
    {
        var id = await RequestAsync(accept: true);
        scenario.Clock.SetUtcNow(Start.AddHours(-1));

        var cut = await RenderCardAsync(id, scenario.MentorId);

        Assert.Empty(Actions(cut));
        Assert.Equal(SessionChanges.CutoffMessage(isMentor: true, 2), cut.Find("[data-testid=changes-closed]").TextContent.Trim());
    }

    [Fact]
    public async Task A_session_that_is_over_offers_nothing_to_change()
    {
        var id = await RequestAsync(accept: true);
        scenario.Clock.SetUtcNow(Start.AddHours(2));

        var cut = await RenderCardAsync(id, studentId);

        Assert.Empty(Actions(cut));
        Assert.Contains("This session is over", cut.Find("[data-testid=changes-closed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_outside_the_session_may_only_cancel_it()
    {
        var id = await RequestAsync(accept: true);
        var admin = await App.CreateAsync(Roles.Admin);

        var cut = await RenderCardAsync(id, admin.Id, asAdmin: true);

        Assert.Equal(["Cancel"], Actions(cut));
    }

    [Fact]
    public async Task Accepting_books_the_session_and_says_so()
    {
        var id = await RequestAsync();
        var cut = await RenderCardAsync(id, scenario.MentorId);

        Press(cut, "Accept");

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message?.StartsWith("Accepted.", StringComparison.Ordinal) == true));
        Assert.Equal(SessionStatus.Accepted, await StatusAsync(id));
    }

    [Fact]
    public async Task Rejecting_asks_for_the_reason_in_a_dialog_and_rejects_with_it()
    {
        var id = await RequestAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = await RenderCardAsync(id, scenario.MentorId);

        Press(cut, "Reject");
        dialogs.WaitForElement("textarea").Input("I am away that week");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reject request").Click();

        cut.WaitForAssertion(() => Assert.Equal("I am away that week", ViewAsync(id).Result.Reason));
        Assert.Equal(SessionStatus.Rejected, await StatusAsync(id));
    }

    [Fact]
    public async Task Keeping_the_request_in_the_dialog_changes_nothing()
    {
        var id = await RequestAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = await RenderCardAsync(id, studentId);

        Press(cut, "Withdraw");
        dialogs.WaitForElement("textarea");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep the request").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("textarea")));
        Assert.Equal(SessionStatus.Requested, await StatusAsync(id));
    }

    [Fact]
    public async Task Moving_a_booked_session_takes_the_new_time_in_the_persons_own_zone()
    {
        var id = await RequestAsync(accept: true);
        var dialogs = Render<MudDialogProvider>();
        var cut = await RenderCardAsync(id, scenario.MentorId);

        Press(cut, "Move");
        dialogs.WaitForElement("input[type=time]").Input("11:00");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Move session").Click();

        cut.WaitForAssertion(() => Assert.Equal(Start.AddHours(2), ViewAsync(id).Result.StartUtc));
    }
}
