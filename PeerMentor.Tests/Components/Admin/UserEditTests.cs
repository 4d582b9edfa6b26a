using Bunit;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

public class UserEditTests : AdminPageTest
{
    [Fact]
    public async Task An_unknown_time_zone_is_reported_under_the_time_zone_field()
    {
        var (app, _) = await StartAsAdminAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Tomas Mentor");
        var cut = Render<UserEdit>(p => p.Add(c => c.Id, mentor.Id));

        cut.WaitForElement("#TimeZoneId").Change("Atlantis/Capital");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Choose a time zone", cut.Find("#TimeZoneId-helper").TextContent, StringComparison.Ordinal));
        Assert.Equal("Europe/Berlin", (await FindAsync(app, mentor)).TimeZoneId);
    }

    [Fact]
    public async Task A_valid_change_is_saved_and_confirmed_with_a_snackbar()
    {
        var (app, _) = await StartAsAdminAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Tomas Mentor");
        var cut = Render<UserEdit>(p => p.Add(c => c.Id, mentor.Id));

        cut.WaitForElement("#DisplayName").Change("Tomás Mentor");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved.", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        Assert.Equal("Tomás Mentor", (await FindAsync(app, mentor)).DisplayName);
    }

    [Fact]
    public async Task The_role_is_a_labelled_choice_of_every_role_that_shows_the_persons_own()
    {
        var (app, _) = await StartAsAdminAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Tomas Mentor");
        var cut = Render<UserEdit>(p => p.Add(c => c.Id, mentor.Id));

        var role = cut.WaitForElement("select#Role");

        Assert.Equal(Roles.All, role.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal(Roles.Mentor, role.QuerySelector("option[selected]")?.TextContent);
        Assert.Equal("Role", cut.Find("label[for=Role]").TextContent.Trim());
    }

    [Fact]
    public async Task Delete_asks_first_and_keeping_the_person_deletes_nothing()
    {
        var (app, _) = await StartAsAdminAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Tomas Mentor");
        var cut = Render<UserEdit>(p => p.Add(c => c.Id, mentor.Id));

        cut.WaitForElement("button.mud-button-outlined-error").Click();
        cut.WaitForElement(".mud-dialog");
        Assert.Contains("Delete Tomas Mentor?", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.False((await FindAsync(app, mentor)).IsDeleted);
    }

    [Fact]
    public async Task Someone_who_does_not_exist_gets_the_not_found_message()
    {
        await StartAsAdminAsync();

        var cut = Render<UserEdit>(p => p.Add(c => c.Id, "no-such-person"));

        cut.WaitForAssertion(() => Assert.Equal("Person not found", cut.Find("h1").TextContent));
    }
}
