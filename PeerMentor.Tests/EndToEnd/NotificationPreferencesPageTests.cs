using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class NotificationPreferencesPageTests
{
    [Fact]
    public async Task On_a_phone_a_person_turns_choices_off_from_the_menu_saves_and_finds_them_kept()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl, Browser.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await page.GetByLabel("Program news by email").UncheckAsync();
        await page.GetByLabel("Session reminders by SMS").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choices" }).ClickAsync();
        await Expect(page.GetByText("Your choices are saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();

        await Expect(page.GetByLabel("Program news by email")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("Session reminders by SMS")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("Reviews by email")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_keyboard_user_turns_a_choice_off_with_space_and_stays_on_that_switch()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GotoAsync("account/notifications");
        var reviews = page.GetByRole(AriaRole.Switch, new() { Name = "Reviews by email" });
        await Expect(reviews).ToBeEnabledAsync();

        await reviews.FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("You have unsaved changes.");
        await Expect(reviews).Not.ToBeCheckedAsync();
        await Expect(reviews).ToBeFocusedAsync();
    }

    [Fact]
    public async Task From_the_user_menu_without_a_verified_phone_the_page_says_email_takes_over_and_links_to_the_phone_page()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl, Browser.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();

        await Expect(page.GetByTestId("sms-status")).ToContainTextAsync("comes by email");
        await page.GetByTestId("sms-status").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone for SMS" })).ToBeVisibleAsync();
    }
}
