using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class AssignmentFlowTests
{
    [Fact]
    public async Task A_mentor_posts_an_assignment_a_student_uploads_a_pdf_and_sees_the_mentors_grade()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await app.CreateAsync(Roles.Student, "Sara Student");
        await app.CreateProgramAsync("Assignment cohort", assign: true, mentor, student);
        var localDue = LocalTimes.ToLocal(DateTime.UtcNow.AddDays(3), "Europe/Berlin").Date.AddHours(23).AddMinutes(30);
        await using var mentorContext = await Browser.NewContextAsync(baseUrl);
        var mentorPage = await mentorContext.NewPageAsync();
        await mentorPage.SignInAsync(mentor);

        await mentorPage.GotoAsync("mentor/assignments");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "New assignment" }).ClickAsync();
        await mentorPage.GetByLabel("Assignment title").FillAsync("Testing essay");
        await mentorPage.GetByLabel("Assignment instructions").FillAsync("Two pages on what a test should prove.");
        await mentorPage.GetByLabel("Due date").FillAsync(localDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await mentorPage.GetByLabel("Due time").FillAsync(localDue.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Post assignment" }).ClickAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Post and email" }).ClickAsync();
        await Expect(mentorPage.GetByText("Assignment posted")).ToBeVisibleAsync();

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await studentPage.GotoAsync("assignments");
        var card = studentPage.GetByTestId("assignment").Filter(new() { HasText = "Testing essay" });
        await Expect(card.GetByTestId("assignment-due")).ToContainTextAsync(localDue.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Hand in your work" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true })).ToBeEnabledAsync();
        await card.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "essay.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf });
        await card.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }).ClickAsync();
        await Expect(card.GetByTestId("submission-status")).ToContainTextAsync("essay.pdf");

        await mentorPage.ReloadAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Grade Sara Student: Testing essay" }).ClickAsync();
        var submission = mentorPage.GetByTestId("submission").Filter(new() { HasText = "Sara Student" });
        await Expect(submission.GetByRole(AriaRole.Link, new() { Name = "essay.pdf" })).ToBeVisibleAsync();
        await Expect(submission.GetByRole(AriaRole.Button, new() { Name = "Save grade" })).ToBeEnabledAsync();
        await submission.GetByLabel("Grade for Sara Student").FillAsync("92");
        await submission.GetByLabel("Comments for Sara Student").FillAsync("Sharp and well argued.");
        await submission.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Save and email" }).ClickAsync();
        await Expect(submission.GetByTestId("grade-state")).ToHaveTextAsync("Graded 92 / 100");

        await studentPage.ReloadAsync();
        await Expect(studentPage.GetByTestId("submission-review")).ToContainTextAsync("92 / 100");
        await Expect(studentPage.GetByTestId("submission-review")).ToContainTextAsync("Sharp and well argued.");
    }

    [Fact]
    public async Task A_mentor_who_has_only_read_the_page_deletes_an_assignment_after_confirming_it()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await app.CreateAsync(Roles.Student, "Sara Student");
        var programId = await app.CreateProgramAsync("Assignment cohort", assign: true, mentor, student);
        await app.RunAsync(async s =>
        {
            var (posted, _) = await s.GetRequiredService<AssignmentService>().PostAsync(mentor.Id, false, programId,
                new AssignmentInput("Reading list", "Three chapters.", DateTime.UtcNow.AddDays(3)));
            Assert.True(posted.Succeeded, posted.Summary);
        });
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(mentor);

        // The first thing done on the page asks a question: the dialog provider comes with it.
        await page.GotoAsync("mentor/assignments");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Reading list" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-question")).ToContainTextAsync("“Reading list” disappears for its students.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByText("“Reading list” deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("mentor-assignment")).ToHaveCountAsync(0);
    }
}
