using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class MasterclassFlowTests
{
    [Fact]
    public async Task A_mentor_posts_a_masterclass_and_a_student_finds_it_on_their_calendar_in_their_own_time()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await app.CreateAsync(Roles.Student, "Sara Student");
        var outsider = await app.CreateAsync(Roles.Student, "Otto Outsider");
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        await app.CreateProgramAsync("Masterclass cohort", assign: false, mentor, student);
        var localStart = LocalTimes.ToLocal(DateTime.UtcNow.AddDays(3), "Europe/Berlin").Date.AddHours(18);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);

        await page.GotoAsync("mentor/events");
        await page.GetByRole(AriaRole.Button, new() { Name = "New event" }).ClickAsync();
        await page.GetByLabel("Event title").FillAsync("Debugging masterclass");
        await page.GetByLabel("Event date").FillAsync(localStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync(localStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Event meeting link").FillAsync("https://meet.example/debug");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(page.GetByText("Event created")).ToBeVisibleAsync();

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await studentPage.GotoAsync($"calendar?date={localStart:yyyy-MM-dd}");
        await studentPage.Locator(".calendar-item").Filter(new() { HasText = "Debugging masterclass" }).First.ClickAsync();
        var startUtc = ZonedTime.ToUtc(DateOnly.FromDateTime(localStart), TimeOnly.FromDateTime(localStart), "Europe/Berlin");
        await Expect(studentPage.GetByTestId("event-time")).ToHaveTextAsync(LocalTimes.Describe(startUtc, startUtc.AddHours(1), "Europe/Berlin"));
        await Expect(studentPage.GetByRole(AriaRole.Link, new() { Name = "Join the meeting" })).ToHaveAttributeAsync("href", "https://meet.example/debug");
        var eventUrl = studentPage.Url;

        await using var outsiderContext = await Browser.NewContextAsync(baseUrl);
        var outsiderPage = await outsiderContext.NewPageAsync();
        await outsiderPage.SignInAsync(outsider);
        await outsiderPage.GotoAsync(eventUrl);
        await Expect(outsiderPage.GetByRole(AriaRole.Heading, new() { Name = "We can't find that event" })).ToBeVisibleAsync();
        await outsiderPage.GotoAsync($"calendar?date={localStart:yyyy-MM-dd}");
        await Expect(outsiderPage.GetByTestId("calendar")).ToBeVisibleAsync();
        await Expect(outsiderPage.Locator(".calendar-item").Filter(new() { HasText = "Debugging masterclass" })).ToHaveCountAsync(0);

        // Admins run every program, so every program's events are on their calendar.
        await using var adminContext = await Browser.NewContextAsync(baseUrl);
        var adminPage = await adminContext.NewPageAsync();
        await adminPage.SignInAsync(admin);
        await adminPage.GotoAsync($"calendar?date={localStart:yyyy-MM-dd}");
        await adminPage.Locator(".calendar-item").Filter(new() { HasText = "Debugging masterclass" }).First.ClickAsync();
        await Expect(adminPage.GetByRole(AriaRole.Link, new() { Name = "Join the meeting" })).ToHaveAttributeAsync("href", "https://meet.example/debug");
    }
}
