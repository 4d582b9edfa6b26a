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
        cut.WaitForAssertion(() => Button(cut, "Add a person"));
        Button(cut, "Add a person").Click();
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
        cut.WaitForAssertion(() => Button(cut, "New event"));
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

    [Fact]
    public async Task The_person_search_opens_when_asked_for_and_done_closes_it_again()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Button(cut, "Add a person"));
        Assert.Empty(Labels(cut).Intersect(["Person to add", "Students an added mentor takes"]));

        Button(cut, "Add a person").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, Labels(cut).Intersect(["Person to add", "Students an added mentor takes"]).Count()));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Add a person");
        Button(cut, "Done").Click();
        cut.WaitForAssertion(() => Assert.Empty(Labels(cut).Intersect(["Person to add", "Students an added mentor takes"])));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Add a person");
    }

    [Fact]
    public async Task On_a_phone_the_people_are_sorted_by_a_select_that_offers_each_column_both_ways()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var ann = await app.CreateAsync(Roles.Student, "Ann Student");
        var zed = await app.CreateAsync(Roles.Student, "Zed Student");
        var mia = await app.CreateAsync(Roles.Mentor, "Mia Mentor");
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false, ann, zed, mia);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Assert.Equal(["Mia Mentor", "Ann Student", "Zed Student"], Names(cut)));
        var sort = Labelled(cut, "Sort by");
        Assert.Equal(["Name, ascending", "Name, descending", "Role, ascending", "Role, descending", "Experience, ascending", "Experience, descending"],
            sort.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Contains("list-select", sort.Closest(".mud-input-control")!.ClassName, StringComparison.Ordinal);

        sort.Change("Name:desc");

        cut.WaitForAssertion(() => Assert.Equal(["Zed Student", "Mia Mentor", "Ann Student"], Names(cut)));
        Assert.Equal("descending", cut.FindAll("th[aria-sort]").Single().GetAttribute("aria-sort"));
        Assert.Equal("Name:desc", Labelled(cut, "Sort by").QuerySelector("option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_refused_capacity_shows_the_reason_under_that_mentors_field_and_keeps_what_was_typed()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var mia = await app.CreateAsync(Roles.Mentor, "Mia Mentor");
        var max = await app.CreateAsync(Roles.Mentor, "Max Mentor");
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false, mia, max);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => cut.Find("[aria-label='Capacity of Mia Mentor']"));

        cut.Find("[aria-label='Capacity of Mia Mentor']").Change("0");
        cut.FindAll("tr").Single(r => r.QuerySelector("[data-name='Mia Mentor']") is not null)
            .QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Save capacity").Click();

        cut.WaitForAssertion(() => Assert.Equal("A mentor takes 1 to 200 students.", ErrorUnder(cut, "[aria-label='Capacity of Mia Mentor']")));
        Assert.Equal("0", cut.Find("[aria-label='Capacity of Mia Mentor']").GetAttribute("value"));
        Assert.Equal("", ErrorUnder(cut, "[aria-label='Capacity of Max Mentor']"));
    }

    [Fact]
    public async Task The_dialog_and_snackbar_providers_arrive_with_the_first_touch()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => Button(cut, "New event"));
        Assert.Empty(cut.FindComponents<MudBlazor.MudDialogProvider>());

        cut.Find(".admin-program").PointerDown();

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudBlazor.MudDialogProvider>()));
        Assert.Single(cut.FindComponents<MudBlazor.MudSnackbarProvider>());
    }

    [Fact]
    public async Task Removing_a_mentor_asks_first_even_when_the_click_comes_without_a_touch_or_focus_before_it()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        var mia = await app.CreateAsync(Roles.Mentor, "Mia Mentor");
        var programId = await app.CreateProgramAsync("Autumn bootcamp", assign: false, mia);
        var cut = Render<AdminProgram>(p => p.Add(x => x.Id, programId));
        cut.WaitForAssertion(() => cut.Find("[aria-label='Remove mentor Mia Mentor']"));
        Assert.Empty(cut.FindComponents<MudBlazor.MudDialogProvider>());

        cut.Find("[aria-label='Remove mentor Mia Mentor']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Remove Mia Mentor from this program? They have no students, so nobody moves and nobody is emailed.",
            cut.Find("[data-testid=removal-question]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=member]"));
    }

    private static string[] Names(IRenderedComponent<AdminProgram> page) =>
        page.FindAll("[data-testid=member]").Select(m => m.GetAttribute("data-name")!).ToArray();

    private static IEnumerable<string> Labels(IRenderedComponent<AdminProgram> page) => page.FindAll("label").Select(l => l.TextContent.Trim());

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<AdminProgram> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The people listed under the search (the page places its own popover provider).</summary>
    private static string[] Options(IRenderedComponent<AdminProgram> page) =>
        page.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()).ToArray();
}
