using Bunit;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class AdminProgramTests : SignedInComponentTest
{
    [Fact]
    public async Task Typing_in_the_person_search_shows_one_list_of_the_matching_people_not_everyone_first_and_the_matches_later()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        await app.CreateAsync(Roles.Mentor, "Max Mentor");
        await app.CreateAsync(Roles.Mentor, "Mira Mentor");
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Labelled(cut, "Person to add"));
        var shown = new List<string>();
        cut.OnMarkupUpdated += (_, _) => shown.Add(string.Join(", ", Options(cut)));

        Labelled(cut, "Person to add").Focus();
        Labelled(cut, "Person to add").Input("Mira");

        cut.WaitForAssertion(() => Assert.Equal(["Mira Mentor (Mentor)"], Options(cut)), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(shown, list => list.Contains("Max Mentor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_event_assignment_and_announcement_forms_open_when_asked_for_and_not_before()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Labelled(cut, "Person to add"));
        Assert.Empty(Labels(cut).Intersect(["Event title", "Due date", "Message (Markdown)"]));

        Button(cut, "New event").Click();
        Button(cut, "New assignment").Click();
        Button(cut, "Write an announcement").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, Labels(cut).Intersect(["Event title", "Due date", "Message (Markdown)"]).Count()));
    }

    [Fact]
    public async Task The_details_and_automation_settings_show_as_a_summary_until_edit_opens_their_form()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Assert.Contains("Autumn bootcamp", cut.Find("[data-testid=program-details]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Labels(cut).Intersect(["Weekly review rubric", "Probation below average"]));

        Button(cut, "Edit program details").Click();
        Button(cut, "Edit automation settings").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, Labels(cut).Intersect(["Weekly review rubric", "Probation below average"]).Count()));
        Assert.Empty(cut.FindAll("[data-testid=program-details]"));
    }

    private static IEnumerable<string> Labels(IRenderedComponent<AdminProgram> page) => page.FindAll("label").Select(l => l.TextContent.Trim());

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<AdminProgram> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The people listed under the search (the page places its own popover provider).</summary>
    private static string[] Options(IRenderedComponent<AdminProgram> page) =>
        page.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()).ToArray();
}
