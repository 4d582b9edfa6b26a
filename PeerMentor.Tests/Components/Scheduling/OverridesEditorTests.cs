using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>The editor sets overrides through the real AvailabilityService and is given the reloaded list, as the page does.</summary>
public class OverridesEditorTests : AppComponentTest
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private async Task<(IRenderedComponent<OverridesEditor> Cut, TestUser Mentor)> RenderEditorAsync()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor);
        Render<MudPopoverProvider>();
        IRenderedComponent<OverridesEditor>? cut = null;
        cut = Render<OverridesEditor>(p => p
            .Add(e => e.Overrides, [])
            .Add(e => e.Today, Today)
            .Add(e => e.OnSet, async input =>
            {
                var result = await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().SetOverrideAsync(mentor.Id, input));
                var overrides = (await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id))).Overrides.ToList();
                await cut!.InvokeAsync(() => cut!.Render(q => q.Add(e => e.Overrides, overrides)));
                return result;
            }));
        return (cut, mentor);
    }

    private Task<IReadOnlyCollection<AvailabilityOverride>> SavedAsync(TestUser mentor) =>
        App.RunAsync(async s => (IReadOnlyCollection<AvailabilityOverride>)(await s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id)).Overrides);

    private static void Open(IRenderedComponent<OverridesEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Add an override", StringComparison.Ordinal)).Click();

    private static void Add(IRenderedComponent<OverridesEditor> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Add override", StringComparison.Ordinal)).Click();

    [Fact]
    public async Task Without_overrides_it_says_every_date_follows_the_weekly_hours()
    {
        var (cut, _) = await RenderEditorAsync();

        Assert.Contains("every date follows your weekly hours", cut.Find("[data-testid=no-overrides]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_off_is_stored_and_listed_under_its_date()
    {
        var (cut, mentor) = await RenderEditorAsync();
        Open(cut);

        cut.Find("input[aria-label='Override date']").Change("2026-12-24");
        Add(cut);

        cut.WaitForAssertion(() => Assert.Contains("Thu 24 Dec 2026", cut.Find(".override-list").TextContent, StringComparison.Ordinal));
        var saved = Assert.Single(await SavedAsync(mentor));
        Assert.Equal((new DateOnly(2026, 12, 24), true), (saved.Date, saved.IsDayOff));
    }

    [Fact]
    public async Task Different_hours_are_stored_and_shown_on_the_date()
    {
        var (cut, mentor) = await RenderEditorAsync();
        Open(cut);

        cut.Find("input[aria-label='Override date']").Change("2026-12-28");
        cut.FindAll("input[type=radio]")[1].Click();
        cut.Find("input[aria-label='Override from']").Change("10:00");
        cut.Find("input[aria-label='Override until']").Change("12:30");
        Add(cut);

        cut.WaitForAssertion(() => Assert.Contains("10:00–12:30", cut.Find(".override-list").TextContent, StringComparison.Ordinal));
        var saved = Assert.Single(await SavedAsync(mentor));
        Assert.Equal((600, 750), (saved.StartMinute, saved.EndMinute));
    }

    [Fact]
    public async Task Hours_that_end_before_they_start_are_refused_next_to_them_and_nothing_is_stored()
    {
        var (cut, mentor) = await RenderEditorAsync();
        Open(cut);

        cut.FindAll("input[type=radio]")[1].Click();
        cut.Find("input[aria-label='Override from']").Change("15:00");
        cut.Find("input[aria-label='Override until']").Change("11:00");
        Add(cut);

        Assert.Equal("The hours end before they start.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(await SavedAsync(mentor));
    }

    [Fact]
    public async Task Removing_an_override_gives_the_date_back_its_weekly_hours()
    {
        var (cut, mentor) = await RenderEditorAsync();
        Open(cut);
        cut.Find("input[aria-label='Override date']").Change("2026-12-24");
        Add(cut);
        cut.WaitForElement(".override-list");

        cut.Find("button[aria-label='Remove override for 24 Dec 2026']").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-overrides]")));
        Assert.Empty(await SavedAsync(mentor));
    }

    [Fact]
    public async Task The_form_opens_when_asked_for_and_closes_once_the_override_is_stored()
    {
        var (cut, _) = await RenderEditorAsync();
        Assert.Empty(cut.FindAll("[data-testid=override-form]"));

        Open(cut);
        cut.Find("input[aria-label='Override date']").Change("2026-12-24");
        Add(cut);

        cut.WaitForAssertion(() => Assert.Contains("Thu 24 Dec 2026", cut.Find(".override-list").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=override-form]"));
    }

    [Fact]
    public async Task Cancelling_the_form_drops_its_problem_with_it()
    {
        var (cut, _) = await RenderEditorAsync();
        Open(cut);
        cut.FindAll("input[type=radio]")[1].Click();
        cut.Find("input[aria-label='Override until']").Change("");
        Assert.Equal("Enter both times.", cut.Find("[role=alert]").TextContent);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Empty(cut.FindAll("[data-testid=override-form]"));
    }
}
