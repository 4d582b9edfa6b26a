using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class SchedulingFlowTests
{
    private static async Task<(AppFactory App, string BaseUrl, TestUser Mentor)> StartAsync(int horizonDays = 14, int[]? lengths = null)
    {
        var app = await AppFactory.CreateAsync();
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Mara Mentor");
        await app.RunAsync(async s =>
        {
            var everyDay = Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray();
            var saved = await s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id,
                new AvailabilitySettings(lengths ?? [60], 0, 0, 60, horizonDays, false, "https://meet.example/mara"), everyDay);
            Assert.True(saved.Succeeded, saved.Summary);
        });
        return (app, baseUrl, mentor);
    }

    [Fact]
    public async Task A_student_requests_a_slot_the_mentor_accepts_and_both_see_it_in_their_own_time()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        await app.RunAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(student.Id))!;
            user.UpdateProfile(user.DisplayName, "America/New_York", 1, "");
            await users.UpdateAsync(user);
        });

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await studentPage.GotoAsync("mentors");
        await studentPage.GetByRole(AriaRole.Link, new() { Name = "Mara Mentor" }).ClickAsync();
        var slot = studentPage.Locator("button.slot").First;
        var startUtc = DateTime.Parse(await slot.GetAttributeAsync("data-row-action") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        await slot.ClickAsync();
        await studentPage.GetByLabel("What would you like to work on?").FillAsync("Prepare for my first code review");
        await studentPage.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(studentPage.GetByTestId("session")).ToContainTextAsync("Waiting for the mentor");
        await Expect(studentPage.Locator(".mud-snackbar")).ToContainTextAsync("Request sent to Mara Mentor.");
        var sessionUrl = studentPage.Url;

        await using var mentorContext = await Browser.NewContextAsync(baseUrl);
        var mentorPage = await mentorContext.NewPageAsync();
        await mentorPage.SignInAsync(mentor);
        await mentorPage.GotoAsync("sessions");
        await mentorPage.GetByTestId("session").Filter(new() { HasText = "Sam Student" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(mentorPage.GetByTestId("session").Filter(new() { HasText = "Sam Student" })).ToContainTextAsync("Booked");

        var endUtc = startUtc.AddHours(1);
        await mentorPage.GotoAsync(sessionUrl);
        await Expect(mentorPage.GetByTestId("your-time")).ToHaveTextAsync(LocalTimes.Describe(startUtc, endUtc, "Europe/Berlin"));
        await studentPage.ReloadAsync();
        await Expect(studentPage.GetByTestId("your-time")).ToHaveTextAsync(LocalTimes.Describe(startUtc, endUtc, "America/New_York"));
        await Expect(studentPage.GetByTestId("their-time")).ToContainTextAsync(LocalTimes.Describe(startUtc, endUtc, "Europe/Berlin"));
        await Expect(studentPage.GetByRole(AriaRole.Link, new() { Name = "Join" })).ToHaveAttributeAsync("href", "https://meet.example/mara");

        await mentorPage.GotoAsync(sessionUrl);
        foreach (var page in new[] { studentPage, mentorPage })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Show in calendar" }).ClickAsync();
            await Expect(page.Locator(".calendar-item").Filter(new() { HasText = page == studentPage ? "Mara Mentor" : "Sam Student" }).First).ToBeVisibleAsync();
        }
        var mail = await (await SmtpSink.InstanceAsync()).WaitForMailAsync(student.Email, m => m.Subject.Contains("confirmed", StringComparison.Ordinal));
        Assert.Contains(LocalTimes.Describe(startUtc, endUtc, "America/New_York"), mail.Text);
        // The mail's link leads the student straight to the session.
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text ?? "", @"Open the session: (\S+)").Groups[1].Value;
        Assert.Equal(sessionUrl, link);
        Assert.Contains($"href=\"{link}\"", mail.Html);
        await studentPage.GotoAsync(link);
        await Expect(studentPage.GetByTestId("your-time")).ToHaveTextAsync(LocalTimes.Describe(startUtc, endUtc, "America/New_York"));
    }

    [Fact]
    public async Task A_student_who_opens_another_students_request_is_told_it_does_not_exist()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var owner = await app.CreateAsync(Roles.Student, "Olga Owner");
        var other = await app.CreateAsync(Roles.Student, "Nosy Neighbour");
        var start = DateTime.UtcNow.Date.AddDays(2).AddHours(10);
        var (result, id) = await app.RunAsync(s => s.GetRequiredService<SessionService>()
            .RequestAsync(owner.Id, new SessionRequestInput(mentor.Id, start, 60, "My private agenda", "")));
        Assert.True(result.Succeeded, result.Summary);

        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(other);
        await page.GotoAsync($"sessions/{id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We can't find that session" })).ToBeVisibleAsync();
        await Expect(page.GetByText("My private agenda")).ToHaveCountAsync(0);
    }
    private static Task<Guid> RequestAsync(AppFactory app, TestUser mentor, TestUser student, DateTime startUtc) => app.RunAsync(async s =>
    {
        var (result, id) = await s.GetRequiredService<SessionService>().RequestAsync(student.Id, new SessionRequestInput(mentor.Id, startUtc, 60, "Pair on my project", ""));
        Assert.True(result.Succeeded, result.Summary);
        return id!.Value;
    });

    /// <summary>The booking page for <paramref name="mentor"/> as <paramref name="student"/> sees it, in a fresh browser context.</summary>
    private static async Task<(IBrowserContext Context, IPage Page)> OpenBookingAsync(string baseUrl, TestUser student, TestUser mentor)
    {
        var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GotoAsync($"mentors/{mentor.Id}");
        return (context, page);
    }

    [Fact]
    public async Task A_student_pages_month_by_month_up_to_the_mentors_booking_horizon_and_no_further()
    {
        var (app, baseUrl, mentor) = await StartAsync(horizonDays: 30);
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var (context, page) = await OpenBookingAsync(baseUrl, student, mentor);
        await using var __ = context;
        var later = page.GetByRole(AriaRole.Button, new() { Name = "Next month" });
        await Expect(page.Locator("button.slot").First).ToBeEnabledAsync();

        for (var month = await page.GetByTestId("month").TextContentAsync(); await later.IsEnabledAsync(); month = await page.GetByTestId("month").TextContentAsync())
        {
            await later.ClickAsync();
            await Expect(page.GetByTestId("month")).Not.ToHaveTextAsync(month ?? "");
        }

        var lastDay = page.Locator("button.slot-day:not([disabled])").Last;
        await lastDay.ClickAsync();
        await Expect(lastDay).ToHaveAttributeAsync("aria-pressed", "true");
        var lastStart = DateTime.Parse(await page.Locator("button.slot").Last.GetAttributeAsync("data-row-action") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.InRange(lastStart.AddHours(1), DateTime.UtcNow.AddDays(29), DateTime.UtcNow.AddDays(30));
        await Expect(page.GetByTestId("horizon")).ToContainTextAsync("up to 30 days ahead");
    }

    [Fact]
    public async Task A_keyboard_user_who_picks_a_day_stays_on_that_day_and_gets_its_times()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var (context, page) = await OpenBookingAsync(baseUrl, student, mentor);
        await using var __ = context;
        await Expect(page.Locator("button.slot").First).ToBeEnabledAsync();
        var open = page.Locator("button.slot-day:not([disabled])");
        if (await open.CountAsync() < 2)
        {
            // The month's last day: the horizon's other days are in the next month.
            await page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
            await Expect(open.Nth(1)).ToBeEnabledAsync();
        }
        var key = await open.Last.GetAttributeAsync("data-row-action") ?? "";
        var day = page.Locator($"button.slot-day[data-row-action='{key}']");

        await day.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(day).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(day).ToBeFocusedAsync();
        var shown = DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("slot-list").GetByRole(AriaRole.Heading)).ToHaveTextAsync(shown.ToString("dddd d MMMM", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_time_taken_while_the_student_writes_the_agenda_is_reported_and_the_free_times_are_refreshed()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var quicker = await app.CreateAsync(Roles.Student, "Quinn Quicker");
        var (context, page) = await OpenBookingAsync(baseUrl, student, mentor);
        await using var __ = context;
        var slot = page.Locator("button.slot").First;
        var start = await slot.GetAttributeAsync("data-row-action") ?? "";
        await slot.ClickAsync();
        await page.GetByLabel("What would you like to work on?").FillAsync("Prepare for my first code review");

        var taken = await RequestAsync(app, mentor, quicker, DateTime.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        Assert.True((await app.RunAsync(s => s.GetRequiredService<SessionService>().AcceptAsync(mentor.Id, taken))).Succeeded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Expect(page.GetByTestId("slot-taken")).ToContainTextAsync("just taken");
        await Expect(page.Locator("button.slot").First).ToBeVisibleAsync();
        await Expect(page.Locator($"button.slot[data-row-action='{start}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Times_follow_the_zone_the_student_picks_and_the_length_they_choose()
    {
        var (app, baseUrl, mentor) = await StartAsync(lengths: [60, 30]);
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var (context, page) = await OpenBookingAsync(baseUrl, student, mentor);
        await using var __ = context;
        await Expect(page.Locator("button.slot").First).ToBeEnabledAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Change time zone" }).ClickAsync();
        await page.GetByLabel("Times shown in").FillAsync("Tokyo");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Asia/Tokyo" }).ClickAsync();
        var lengths = page.GetByRole(AriaRole.Group, new() { Name = "Session length" });
        await lengths.GetByRole(AriaRole.Button, new() { Name = "30 minutes" }).ClickAsync();
        await Expect(lengths.GetByRole(AriaRole.Button, new() { Name = "30 minutes", Pressed = true })).ToBeVisibleAsync();
        var slot = page.Locator("button.slot").First;
        await Expect(slot).ToBeVisibleAsync();
        var startUtc = DateTime.Parse(await slot.GetAttributeAsync("data-row-action") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        await Expect(slot).ToHaveTextAsync(LocalTimes.ToLocal(startUtc, "Asia/Tokyo").ToString("HH:mm", CultureInfo.InvariantCulture));
        await slot.ClickAsync();

        await Expect(page.GetByTestId("request-form").GetByRole(AriaRole.Heading)).ToHaveTextAsync(LocalTimes.Describe(startUtc, startUtc.AddMinutes(30), "Asia/Tokyo"));
    }

    [Fact]
    public async Task Inside_the_change_cutoff_a_booked_session_offers_no_cancel_or_move_and_says_what_to_do_instead()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        var soon = DateTime.UtcNow.AddMinutes(90);
        var id = await RequestAsync(app, mentor, student, new DateTime(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, DateTimeKind.Utc));
        Assert.True((await app.RunAsync(s => s.GetRequiredService<SessionService>().AcceptAsync(mentor.Id, id))).Succeeded);

        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GotoAsync($"sessions/{id}");

        await Expect(page.GetByTestId("changes-closed")).ToContainTextAsync("close 2 hours before the start");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_mentor_accepting_in_a_second_tab_a_request_the_first_tab_already_declined_sees_it_declined_and_why()
    {
        var (app, baseUrl, mentor) = await StartAsync();
        await using var _ = app;
        var (first, second) = (await app.CreateAsync(Roles.Student, "Fay First"), await app.CreateAsync(Roles.Student, "Sid Second"));
        var start = DateTime.UtcNow.Date.AddDays(2).AddHours(10);
        await RequestAsync(app, mentor, first, start);
        await RequestAsync(app, mentor, second, start);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var tabs = new[] { await context.NewPageAsync(), await context.NewPageAsync() };
        await tabs[0].SignInAsync(mentor);
        foreach (var tab in tabs) await tab.GotoAsync("sessions");
        var stale = tabs[1].GetByTestId("session").Filter(new() { HasText = "Sid Second" });
        await Expect(stale.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToBeEnabledAsync();

        await tabs[0].GetByTestId("session").Filter(new() { HasText = "Fay First" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(tabs[0].GetByTestId("session").Filter(new() { HasText = "Fay First" })).ToContainTextAsync("Booked");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Expect(stale.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This changed while you were looking. It is now declined: it overlaps the session you accepted with Fay First, "
            + LocalTimes.Describe(start, start.AddHours(1), "Europe/Berlin") + ".");
        await Expect(stale).ToContainTextAsync("Declined");
        await Expect(stale.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
    }
}
