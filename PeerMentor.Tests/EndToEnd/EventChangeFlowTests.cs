using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class EventChangeFlowTests
{
    /// <summary>Saving on the event page reloads it; on a loaded machine that takes longer than an assertion's default wait.</summary>
    private const float AfterReload = 30_000;

    private static string Input(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The event's start in the mentor's zone: the date picker and the time picker, typed.</summary>
    private static async Task FillStartAsync(IPage page, DateTime local)
    {
        await page.GetByLabel("Event date").FillAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_mentor_moves_a_masterclass_with_a_recording_and_an_assignment_and_the_student_follows_it_through_to_the_grade()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await app.CreateAsync(Roles.Student, "Kiran Student");
        await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == student.Id);
            user.UpdateProfile(user.DisplayName, "Asia/Kolkata", user.YearsOfExperience, user.Expertise);
            await db.SaveChangesAsync();
        });
        await app.CreateProgramAsync("Moving cohort", assign: true, mentor, student);
        var firstStart = LocalTimes.ToLocal(DateTime.UtcNow.AddDays(3), "Europe/Berlin").Date.AddHours(18);
        var newStart = firstStart.AddDays(1).AddHours(-2);
        await using var mentorContext = await Browser.NewContextAsync(baseUrl);
        var mentorPage = await mentorContext.NewPageAsync();
        await mentorPage.SignInAsync(mentor);

        await mentorPage.GotoAsync("mentor/events");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "New event" }).ClickAsync();
        await mentorPage.GetByLabel("Event title").FillAsync("Caching masterclass");
        await FillStartAsync(mentorPage, firstStart);
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
        await Expect(mentorPage.GetByText("Event created")).ToBeVisibleAsync();

        await mentorPage.GotoAsync("mentor/assignments");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "New assignment" }).ClickAsync();
        await mentorPage.GetByLabel("Assignment title").FillAsync("Cache a slow API");
        await mentorPage.GetByLabel("Due date").FillAsync(newStart.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await mentorPage.GetByLabel("Due time").FillAsync(newStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        await mentorPage.GetByLabel("Related event").ClickAsync();
        await Expect(mentorPage.GetByRole(AriaRole.Option, new() { Name = "Caching masterclass" })).ToHaveCountAsync(1);
        await mentorPage.GetByRole(AriaRole.Option, new() { Name = "Caching masterclass" }).ClickAsync();
        await Expect(mentorPage.GetByLabel("Related event")).ToContainTextAsync("Caching masterclass");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Post assignment" }).ClickAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Post and email" }).ClickAsync();
        await Expect(mentorPage.GetByText("Assignment posted")).ToBeVisibleAsync();

        await mentorPage.GotoAsync("mentor/events");
        await mentorPage.GetByTestId("my-event").GetByRole(AriaRole.Link, new() { Name = "Caching masterclass" }).ClickAsync();
        await Expect(mentorPage.GetByRole(AriaRole.Button, new() { Name = "Add resource" })).ToBeEnabledAsync(new() { Timeout = AfterReload });
        await mentorPage.GetByLabel("Resource title").FillAsync("Full session");
        await mentorPage.GetByLabel("Resource link").FillAsync("https://video.example/caching");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Add resource" }).ClickAsync();
        await Expect(mentorPage.GetByTestId("event-resource")).ToHaveAttributeAsync("data-title", "Full session", new() { Timeout = AfterReload });

        await Expect(mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeEnabledAsync(new() { Timeout = AfterReload });
        await FillStartAsync(mentorPage, newStart);
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var newStartUtc = ZonedTime.ToUtc(DateOnly.FromDateTime(newStart), TimeOnly.FromDateTime(newStart), "Europe/Berlin");
        await Expect(mentorPage.GetByTestId("event-time")).ToHaveTextAsync(LocalTimes.Describe(newStartUtc, newStartUtc.AddHours(1), "Europe/Berlin"), new() { Timeout = AfterReload });

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        var studentLocal = LocalTimes.ToLocal(newStartUtc, "Asia/Kolkata");
        await studentPage.GotoAsync($"calendar?date={studentLocal:yyyy-MM-dd}");
        await studentPage.Locator(".calendar-item").Filter(new() { HasText = "Caching masterclass" }).First.ClickAsync();
        await Expect(studentPage.GetByTestId("event-time")).ToHaveTextAsync(LocalTimes.Describe(newStartUtc, newStartUtc.AddHours(1), "Asia/Kolkata"));
        await Expect(studentPage.GetByRole(AriaRole.Link, new() { Name = "Recording: Full session" })).ToHaveAttributeAsync("href", "https://video.example/caching");
        await Expect(studentPage.GetByTestId("event-assignment")).ToContainTextAsync("Cache a slow API");
        await Expect(studentPage.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToHaveCountAsync(0);

        await studentPage.GetByTestId("event-assignment").GetByRole(AriaRole.Link, new() { Name = "Cache a slow API" }).ClickAsync();
        var card = studentPage.GetByTestId("assignment").Filter(new() { HasText = "Cache a slow API" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Hand in your work" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true })).ToBeEnabledAsync();
        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "cache.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await card.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }).ClickAsync();
        await Expect(card.GetByTestId("submission-status")).ToContainTextAsync("cache.pdf");

        await mentorPage.GotoAsync("mentor/assignments");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Grade Kiran Student: Cache a slow API" }).ClickAsync();
        var submission = mentorPage.GetByTestId("submission").Filter(new() { HasText = "Kiran Student" });
        await Expect(submission.GetByRole(AriaRole.Button, new() { Name = "Save grade" })).ToBeEnabledAsync();
        await submission.GetByLabel("Grade for Kiran Student").FillAsync("88");
        await submission.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save and email" }).ClickAsync();
        await Expect(submission.GetByTestId("grade-state")).ToHaveTextAsync("Graded 88 / 100");

        await studentPage.ReloadAsync();
        await Expect(studentPage.GetByTestId("submission-review")).ToContainTextAsync("88 / 100");
    }
}
