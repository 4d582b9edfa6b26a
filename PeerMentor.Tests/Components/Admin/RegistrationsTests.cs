using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

public class RegistrationsTests : AdminPageTest
{
    [Fact]
    public async Task Rejecting_asks_for_the_reason_in_a_dialog_and_rejects_the_person_with_it()
    {
        var (app, _) = await StartAsAdminAsync();
        var person = await app.CreateAsync(null, "Penny Pending");
        var cut = Render<Registrations>();

        cut.WaitForElement("[aria-label='Reject Penny Pending']").Click();
        cut.WaitForElement(".mud-dialog textarea").Input("Not part of this university");
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Reject").Click();

        cut.WaitForAssertion(() => Assert.Contains("Rejected Penny Pending; they were emailed the reason.", cut.Markup, StringComparison.Ordinal));
        var stored = await FindAsync(app, person);
        Assert.Equal((ApprovalStatus.Rejected, "Not part of this university"), (stored.Approval, stored.RejectionReason));
    }

    [Fact]
    public async Task The_reject_button_of_the_dialog_stays_disabled_without_a_reason()
    {
        var (app, _) = await StartAsAdminAsync();
        await app.CreateAsync(null, "Penny Pending");
        var cut = Render<Registrations>();

        cut.WaitForElement("[aria-label='Reject Penny Pending']").Click();

        cut.WaitForAssertion(() => Assert.True(cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Reject").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Closing_the_reject_dialog_leaves_the_registration_waiting()
    {
        var (app, _) = await StartAsAdminAsync();
        var person = await app.CreateAsync(null, "Penny Pending");
        var cut = Render<Registrations>();

        cut.WaitForElement("[aria-label='Reject Penny Pending']").Click();
        cut.WaitForElement(".mud-dialog textarea").Input("Changed my mind");
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Keep waiting")).Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.Equal(ApprovalStatus.Pending, (await FindAsync(app, person)).Approval);
    }

    [Fact]
    public async Task Approving_in_the_dialog_gives_the_person_the_role_chosen_there()
    {
        var (app, _) = await StartAsAdminAsync();
        var person = await app.CreateAsync(null, "Penny Pending");
        var cut = Render<Registrations>();

        cut.WaitForElement("[aria-label='Approve Penny Pending']").Click();
        cut.WaitForElement(".mud-dialog .mud-radio");
        cut.FindAll(".mud-dialog .mud-radio").Single(r => r.TextContent.Contains(Roles.Mentor, StringComparison.Ordinal)).QuerySelector("input")!.Click();
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Approve").Click();

        cut.WaitForAssertion(() => Assert.Contains("Approved Penny Pending as mentor.", cut.Markup, StringComparison.Ordinal));
        Assert.True(await app.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(person.Id))!;
            return user.Approval == ApprovalStatus.Approved && await users.IsInRoleAsync(user, Roles.Mentor);
        }));
    }

    [Fact]
    public async Task With_nobody_waiting_the_page_says_so_and_links_to_the_people_list()
    {
        await StartAsAdminAsync();

        var cut = Render<Registrations>();

        cut.WaitForAssertion(() => Assert.Equal("admin/users", cut.Find("[data-testid=no-pending] a").GetAttribute("href")));
    }
}
