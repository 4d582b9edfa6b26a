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

    /// <summary>The people listed under the search (the page places its own popover provider).</summary>
    private static string[] Options(IRenderedComponent<AdminProgram> page) =>
        page.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim()).ToArray();
}
