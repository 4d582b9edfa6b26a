using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class AvailabilityPageTests
{
    [Fact]
    public async Task A_mentor_adds_saturday_hours_and_a_day_off_and_they_are_kept()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var mentor = await app.CreateAsync(Roles.Mentor);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);

        await page.GotoAsync("mentor/availability");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Saturday" }).ClickAsync();
        await page.GetByLabel("Saturday from").FillAsync("10:00");
        await page.GetByLabel("Saturday until").FillAsync("14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an override" }).ClickAsync();
        await page.GetByLabel("Override date").FillAsync("2026-12-24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add override" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Your date overrides" }).GetByText("Thu 24 Dec 2026")).ToBeVisibleAsync();

        var saved = await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id));
        var saturday = Assert.Single(saved.Rules);
        Assert.Equal((DayOfWeek.Saturday, 600, 840), (saturday.Day, saturday.StartMinute, saturday.EndMinute));
        Assert.True(Assert.Single(saved.Overrides).IsDayOff);
    }

    [Fact]
    public async Task A_mentor_is_told_when_two_ranges_overlap_and_nothing_is_saved()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var context = await Browser.NewContextAsync(app.StartKestrel());
        var mentor = await app.CreateAsync(Roles.Mentor);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);

        await page.GotoAsync("mentor/availability");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add hours on Monday" });
        await add.ClickAsync();
        await add.ClickAsync();
        await page.GetByLabel("Monday from").Nth(1).FillAsync("16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();

        // Both ranges are marked next to them.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "overlap" })).ToHaveCountAsync(2);
        Assert.Empty((await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().GetAsync(mentor.Id))).Rules);
    }
}
