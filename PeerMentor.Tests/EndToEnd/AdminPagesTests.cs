using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class AdminPagesTests
{
    [Fact]
    public async Task A_student_who_opens_an_admin_page_sees_a_not_allowed_page()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var page = await context.NewPageAsync();
        await page.SignInAsync(await app.CreateAsync(Roles.Student));

        await page.GotoAsync("admin/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You can't open this page" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_searches_people_and_edits_a_mentors_profile()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var admin = await app.CreateAsync(Roles.Admin);
        await app.CreateAsync(Roles.Student, "Quentin Student");
        await app.CreateAsync(Roles.Mentor, "Zelda Mentor");
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);

        await page.GotoAsync("admin/users");
        await page.FillAsync("input[type=search]", "zelda");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quentin Student" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Zelda Mentor" }).ClickAsync();
        await page.FillAsync("#TimeZoneId", "Asia/Kathmandu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.Locator("#TimeZoneId")).ToHaveValueAsync("Asia/Kathmandu");
    }

    [Fact]
    public async Task An_admin_is_told_what_to_fix_when_an_edit_has_an_unknown_time_zone()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor, "Tomas Mentor");
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);

        await page.GotoAsync($"admin/users/{mentor.Id}");
        await page.FillAsync("#TimeZoneId", "Atlantis/Capital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator("#TimeZoneId-helper")).ToContainTextAsync("Choose a time zone");
    }
}
