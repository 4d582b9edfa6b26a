using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class AdminProgramsTests : SignedInComponentTest
{
    [Fact]
    public async Task The_list_shows_programs_latest_start_first_with_their_students_of_capacity()
    {
        var app = await StartAsAdminAsync();
        await CreateAsync(app, "Autumn cohort", startsInDays: 10);
        await app.CreateProgramAsync("Winter cohort", assign: false, await app.CreateAsync(Roles.Student), await app.CreateAsync(Roles.Mentor));

        var cut = Render<AdminPrograms>();

        cut.WaitForAssertion(() => Assert.Equal(["Autumn cohort", "Winter cohort"], Names(cut)));
        Assert.Equal("1 of 5", cut.FindAll("tbody td[data-label=Students]")[1].TextContent.Trim());
    }

    [Fact]
    public async Task Typing_a_search_asks_the_database_for_the_matching_programs_only()
    {
        var app = await StartAsAdminAsync();
        await CreateAsync(app, "Autumn cohort", startsInDays: 10);
        await CreateAsync(app, "Winter cohort", startsInDays: 20);
        var cut = Render<AdminPrograms>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Length));

        cut.Find("input[aria-label='Search programs']").Input("wint");

        cut.WaitForAssertion(() => Assert.Equal(["Winter cohort"], Names(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task With_no_programs_the_list_says_to_create_the_first_one()
    {
        await StartAsAdminAsync();

        var cut = Render<AdminPrograms>();

        cut.WaitForAssertion(() => Assert.Equal("No programs yet: create the first one below.", cut.Find("[data-testid=no-programs]").TextContent));
    }

    [Fact]
    public async Task On_a_phone_each_program_is_a_labelled_card_rather_than_a_wide_row()
    {
        await StartAsAdminAsync();

        var cut = Render<AdminPrograms>();

        Assert.Contains("mud-xs-table", cut.Find(".mud-table").ClassList);
    }

    [Fact]
    public async Task The_new_program_form_opens_from_its_button_under_the_list()
    {
        await StartAsAdminAsync();
        var cut = Render<AdminPrograms>();
        Assert.Empty(cut.FindAll("#Name"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "New program").Click();

        cut.WaitForElement("#Name");
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Create program");
    }

    [Fact]
    public async Task Hiding_ended_programs_asks_the_database_for_the_current_ones_only()
    {
        var app = await StartAsAdminAsync();
        await CreateAsync(app, "Autumn cohort", startsInDays: 10);
        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PeerMentor.Domain.Data.AppDbContext>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.Add(MentoringProgram.Create("Spring cohort", today.AddDays(-120), today.AddDays(-30), 10, DateTime.UtcNow).Program!);
            await db.SaveChangesAsync();
        });
        var cut = Render<AdminPrograms>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Length));

        cut.Find("input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Autumn cohort"], Names(cut)));
    }

    private async Task<AppFactory> StartAsAdminAsync()
    {
        var app = await StartAppAsync();
        await SignInAsync(await app.CreateAsync(Roles.Admin));
        return app;
    }

    private static Task CreateAsync(AppFactory app, string name, int startsInDays) => app.RunAsync(async s =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (created, _) = await s.GetRequiredService<ProgramService>().CreateAsync(new ProgramInput(name, today.AddDays(startsInDays), today.AddDays(90), 20));
        Assert.True(created.Succeeded, created.Summary);
    });

    private static string[] Names(IRenderedComponent<AdminPrograms> cut) =>
        cut.FindAll("tbody td[data-label=Name] a").Select(a => a.TextContent).ToArray();
}
