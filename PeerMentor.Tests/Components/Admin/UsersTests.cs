using Bunit;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

public class UsersTests : AdminListTest
{
    [Fact]
    public async Task The_list_shows_people_from_the_database_sorted_by_name()
    {
        var app = await StartDatabaseAsync();
        await app.CreateAsync(Roles.Mentor, "Zelda Mentor");
        await app.CreateAsync(Roles.Student, "Quentin Student");

        var cut = Render<Users>();

        cut.WaitForAssertion(() => Assert.Equal(["Quentin Student", "Zelda Mentor"], Names(cut)));
    }

    [Fact]
    public async Task Clicking_a_sort_header_twice_asks_the_database_for_the_reverse_order()
    {
        var app = await StartDatabaseAsync();
        await app.CreateAsync(Roles.Mentor, "Zelda Mentor");
        await app.CreateAsync(Roles.Student, "Quentin Student");
        var cut = Render<Users>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Length));

        cut.FindAll(".mud-table-sort-label").First(l => l.TextContent.Contains("Name")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["Zelda Mentor", "Quentin Student"], Names(cut)));
    }

    [Fact]
    public async Task Typing_a_search_reloads_the_list_with_only_the_matching_people()
    {
        var app = await StartDatabaseAsync();
        await app.CreateAsync(Roles.Mentor, "Zelda Mentor");
        await app.CreateAsync(Roles.Student, "Quentin Student");
        var cut = Render<Users>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Length));

        cut.Find("input[aria-label='Search people']").Input("zelda");

        cut.WaitForAssertion(() => Assert.Equal(["Zelda Mentor"], Names(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task On_a_phone_each_person_is_a_labelled_card_rather_than_a_wide_row()
    {
        await StartDatabaseAsync();

        var cut = Render<Users>();

        Assert.Contains("mud-xs-table", cut.Find(".mud-table").ClassList);
    }

    [Fact]
    public async Task A_list_that_fits_on_one_page_has_no_pager()
    {
        var app = await StartDatabaseAsync();
        await app.CreateAsync(Roles.Mentor, "Zelda Mentor");

        var cut = Render<Users>();

        cut.WaitForAssertion(() => Assert.Equal(["Zelda Mentor"], Names(cut)));
        Assert.Empty(cut.FindAll(".mud-table-pagination-toolbar"));
    }

    [Fact]
    public async Task A_list_longer_than_a_page_has_a_pager()
    {
        var app = await StartDatabaseAsync();
        for (var i = 0; i < 21; i++) await app.CreateAsync(Roles.Student, $"Student {i:00}");

        var cut = Render<Users>();

        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Length));
        Assert.NotEmpty(cut.FindAll(".mud-table-pagination-toolbar"));
    }

    [Fact]
    public async Task The_next_page_button_asks_the_database_for_the_rest_and_the_status_filter_narrows_the_list()
    {
        var app = await StartDatabaseAsync();
        for (var i = 0; i < 21; i++) await app.CreateAsync(Roles.Student, $"Student {i:00}");
        var cut = Render<Users>();
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut).Length));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Student 20"], Names(cut)));
        Assert.Equal("21-21 of 21", cut.Find(".mud-table-page-number-information").TextContent);

        cut.Find("select#people-status").Change(nameof(ApprovalStatus.Pending));

        cut.WaitForAssertion(() => Assert.Empty(Names(cut)));
        Assert.Contains("Nobody matches this search.", cut.Markup);
    }

    private static string[] Names(IRenderedComponent<Users> cut) =>
        cut.FindAll("tbody td[data-label=Name] a").Select(a => a.TextContent).ToArray();
}
