using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class RegistrationFlowTests
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_person_registers_into_a_program_confirms_their_email_is_approved_into_it_and_lands_on_their_home_page(string device)
    {
        await using var app = await AppFactory.CreateAsync();
        var baseUrl = app.StartKestrel();
        var smtp = await SmtpSink.InstanceAsync();
        var admin = await app.CreateAsync(Roles.Admin);
        var programId = await app.CreateProgramAsync("Autumn cohort", assign: false);
        var viewport = device == "phone" ? Browser.Phone : null;
        await using var context = await Browser.NewContextAsync(baseUrl, viewport);
        var page = await context.NewPageAsync();
        var email = TestUsers.NewEmail("newcomer");

        await page.GotoAsync("account/register");
        await Expect(page.Locator("#TimeZoneId")).ToHaveValueAsync("Europe/Berlin");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#DisplayName", "Nia Newcomer");
        await page.FillAsync("#Password", "lantern orchard seventeen");
        await page.FillAsync("#YearsOfExperience", "2");
        await page.Locator("#ProgramId").SelectOptionAsync(programId.ToString());
        await page.ClickAsync("form.form-card button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var mail = await smtp.WaitForMailAsync(email, m => m.Subject.Contains("Confirm", StringComparison.Ordinal));
        var link = Regex.Match(mail.Text!, @"https?://\S+/account/confirm-email\S+").Value;
        Assert.StartsWith(baseUrl, link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await Expect(page.GetByText("your email is confirmed")).ToBeVisibleAsync();

        await page.SignInAsync(email, "lantern orchard seventeen");
        await Expect(page.GetByTestId("waiting-for-approval")).ToBeVisibleAsync();

        await using (var adminContext = await Browser.NewContextAsync(baseUrl, viewport))
        {
            var adminPage = await adminContext.NewPageAsync();
            await adminPage.SignInAsync(admin);
            await adminPage.GotoAsync("admin/registrations");
            var card = adminPage.Locator($"[data-email='{email}']");
            await Expect(card.GetByText("for Autumn cohort")).ToBeVisibleAsync();
            await card.GetByRole(AriaRole.Button, new() { Name = "Approve Nia Newcomer" }).ClickAsync();
            var dialog = adminPage.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Program")).ToHaveValueAsync("Autumn cohort");
            await dialog.GetByText(Roles.Student, new() { Exact = true }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(adminPage.GetByText("Approved Nia Newcomer as student in Autumn cohort.")).ToBeVisibleAsync();
        }

        await smtp.WaitForMailAsync(email, m => m.Subject == "Your PeerMentor registration is approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Expect(page.GetByTestId("student-home")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Nia Newcomer" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-program")).ToContainTextAsync("Autumn cohort");
        await Expect(page.GetByTestId("my-mentor")).ToContainTextAsync("Your mentor will be assigned soon.");
    }

    [Fact]
    public async Task A_registration_with_a_taken_email_and_a_common_password_shows_both_problems_next_to_their_fields()
    {
        await using var app = await AppFactory.CreateAsync();
        var baseUrl = app.StartKestrel();
        var existing = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("account/register");
        await page.FillAsync("#Email", existing.Email);
        await page.FillAsync("#DisplayName", "Copy Cat");
        await page.FillAsync("#Password", "password1234");
        await page.ClickAsync("form.form-card button[type=submit]");

        await Expect(page.Locator("#Password-error")).ToContainTextAsync("too common");
        await Expect(page.Locator("#DisplayName")).ToHaveValueAsync("Copy Cat");
    }

    [Fact]
    public async Task The_menu_collapses_on_a_phone_and_opens_from_the_menu_button()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        await using var context = await Browser.NewContextAsync(baseUrl, Browser.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync("");
        var nav = page.Locator("nav.sidenav");
        await Expect(nav).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();

        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Register" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_smtp_a_newcomer_finds_the_confirmation_link_in_the_admins_mail_viewer()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        var email = TestUsers.NewEmail("viewer");
        await page.GotoAsync("account/register");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#DisplayName", "Vera Viewer");
        await page.FillAsync("#Password", "kettle meadow granite");
        await page.ClickAsync("form.form-card button[type=submit]");
        await page.WaitForURLAsync("**/account/registered**");

        await page.SignInAsync(admin);
        await WaitForViewerAsync(app, email);
        await page.GotoAsync("admin/mail");
        // The list draws itself again once the page is live (its search is enabled then): pick the row after that.
        await Expect(page.Locator("input[type=search]")).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByTestId("mail-link").ClickAsync();

        await Expect(page.GetByText("your email is confirmed")).ToBeVisibleAsync();
    }

    /// <summary>Account mail reaches the viewer through the outbox dispatcher, which polls every two seconds.</summary>
    private static async Task WaitForViewerAsync(AppFactory app, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await app.RunAsync(s => s.GetRequiredService<AppDbContext>().SentMails.AnyAsync(m => m.To == email)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {email} reached the viewer.");
            await Task.Delay(100);
        }
    }
}
