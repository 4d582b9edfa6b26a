using AngleSharp.Dom;
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

public class AutomationSettingsFormTests : SignedInComponentTest
{
    [Fact]
    public async Task It_shows_the_programs_current_rule()
    {
        var program = await ProgramAsync();

        var cut = RenderForm(program);

        Assert.Equal("4", cut.Find("#ProbationThreshold").GetAttribute("value"));
        Assert.Equal("2", cut.Find("#ProbationWeeks").GetAttribute("value"));
        Assert.Equal("4", cut.Find("#RemovalWeeks").GetAttribute("value"));
    }

    [Fact]
    public async Task A_removal_rule_shorter_than_probation_is_explained_under_its_field_and_not_saved()
    {
        var program = await ProgramAsync();
        var cut = RenderForm(program);

        cut.Find("#RemovalWeeks").Change("2");
        Save(cut);

        cut.WaitForAssertion(() => Assert.Contains("more weeks than probation (2)", ErrorUnder(cut, "RemovalWeeks"), StringComparison.Ordinal));
        Assert.Equal(4, (await ReloadAsync(program)).RemovalWeeks);
    }

    [Fact]
    public async Task Saving_a_sensible_rule_stores_it_and_says_so_in_a_snackbar()
    {
        var program = await ProgramAsync();
        var snackbars = Render<MudSnackbarProvider>();
        var saved = false;
        var cut = RenderForm(program, () => saved = true);

        cut.Find("#ProbationThreshold").Change("3.5");
        cut.Find("#RemovalWeeks").Change("5");
        cut.Find("input[type=checkbox]").Change(true);
        Save(cut);

        cut.WaitForAssertion(() => Assert.True(saved));
        var stored = await ReloadAsync(program);
        Assert.Equal((3.5, 5, true), (stored.ProbationThreshold, stored.RemovalWeeks, stored.AppliesAutomationsItself));
        snackbars.WaitForAssertion(() => Assert.Contains("Saved.", snackbars.Markup, StringComparison.Ordinal));
    }

    private async Task<MentoringProgram> ProgramAsync()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var id = await app.CreateProgramAsync("Rules cohort", assign: false);
        return await ReloadAsync(id);
    }

    private Task<MentoringProgram> ReloadAsync(MentoringProgram program) => ReloadAsync(program.Id);

    private Task<MentoringProgram> ReloadAsync(Guid id) =>
        App.RunAsync(s => s.GetRequiredService<AppDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Id == id));

    private IRenderedComponent<AutomationSettingsForm> RenderForm(MentoringProgram program, Action? onSaved = null) =>
        Render<AutomationSettingsForm>(p => p.Add(x => x.Program, program).Add(x => x.OnSaved, () => onSaved?.Invoke()));

    private static AngleSharp.Dom.IElement SaveButton(IRenderedComponent<AutomationSettingsForm> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save automation settings", StringComparison.Ordinal));

    private static void Save(IRenderedComponent<AutomationSettingsForm> cut) => SaveButton(cut).Click();

    private static string ErrorUnder(IRenderedComponent<AutomationSettingsForm> cut, string inputId) =>
        cut.Find($"#{inputId}").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? "";
}
