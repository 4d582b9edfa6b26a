using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>An admin cancels a session from the list of all sessions, with a reason, through the real SessionService.</summary>
public class AdminSessionsTests : AppComponentTest
{
    private SchedulingScenario scenario = default!;

    [Fact]
    public async Task An_admin_cancels_a_session_from_its_row_with_a_reason_and_the_row_says_so()
    {
        var id = await RequestAsync();
        var cut = RenderPage();
        var cancel = cut.WaitForElement("tbody td.list-action button:not([disabled])");
        Assert.Equal("Cancel…", cancel.TextContent.Trim());

        cancel.ClickRowAction();
        cut.WaitForAssertion(() => Assert.Contains("Both are emailed.", cut.Markup, StringComparison.Ordinal));
        cut.Find(".mud-dialog textarea").Input("The mentor is ill");
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Cancel session")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Session cancelled; both people were emailed.", cut.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("Cancelled", cut.Find("tbody td[data-label=Status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("tbody td.list-action button"));
        var session = await scenario.LoadAsync(id);
        Assert.Equal(SessionStatus.Cancelled, session.Status);
        Assert.Equal("The mentor is ill", session.StatusReason);
    }

    [Fact]
    public async Task A_session_removed_since_the_list_loaded_is_not_cancelled_and_the_admin_is_told()
    {
        var id = await RequestAsync();
        var cut = RenderPage();
        var cancel = cut.WaitForElement("tbody td.list-action button:not([disabled])");
        await App.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>();
            db.Sessions.Remove(await db.Sessions.FindAsync(id) ?? throw new InvalidOperationException());
            await db.SaveChangesAsync();
        });

        cancel.ClickRowAction();

        cut.WaitForAssertion(() => Assert.Contains("This session is gone; the list is up to date again.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".mud-dialog"));
    }

    /// <summary>A student's request for Tuesday, and an admin signed in to the list of all sessions.</summary>
    private async Task<Guid> RequestAsync()
    {
        scenario = await SchedulingScenario.CreateAsync();
        UseApp(scenario.App);
        var student = (await scenario.AddStudentsAsync(1))[0];
        var (requested, id) = await scenario.RequestAsync(student, SchedulingScenario.Monday0900Berlin.AddDays(1));
        Assert.True(requested.Succeeded, requested.Summary);
        await SignInAsync(await App.CreateAsync(Roles.Admin));
        return id!.Value;
    }

    /// <summary>The page with the admin's sign-in cascaded, as the app's router gives it.</summary>
    private IRenderedComponent<AdminSessions> RenderPage() => Render<AdminSessions>(p =>
        p.AddCascadingValue(Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (scenario is not null) await scenario.DisposeAsync();
    }
}
