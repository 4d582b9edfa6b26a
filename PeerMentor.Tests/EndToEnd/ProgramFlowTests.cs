using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

public class ProgramFlowTests
{
    [Fact]
    public async Task An_admin_creates_a_program_assigns_mentors_and_announces_and_a_student_sees_both_at_home()
    {
        await using var app = await AppFactory.CreateAsync();
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        await app.CreateAsync(Roles.Mentor, "Mira Mentor");
        await app.CreateAsync(Roles.Mentor, "Max Mentor");
        var student = await app.CreateAsync(Roles.Student, "Stella Student");
        var other = await app.CreateAsync(Roles.Student, "Theo Student");
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);

        await page.GotoAsync("admin/programs");
        await page.FillAsync("#Name", "Autumn bootcamp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn bootcamp" })).ToBeVisibleAsync();
        foreach (var name in new[] { "Mira Mentor", "Max Mentor", "Stella Student", "Theo Student" })
        {
            await page.GetByLabel("Person to add").SelectOptionAsync(new SelectOptionValue { Label = $"{name} ({(name.EndsWith("Mentor", StringComparison.Ordinal) ? "Mentor" : "Student")})" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(page.Locator($"[data-testid=member][data-name='{name}']")).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview assignment" }).ClickAsync();
        await Expect(page.GetByTestId("balance")).ToContainTextAsync("optimal");
        // One student each is optimal; by hand, both go to Mira (one of the two moves may find its student there already).
        foreach (var moving in new[] { other, student })
        {
            await page.GetByLabel("Student to move").SelectOptionAsync(new SelectOptionValue { Value = moving.Id });
            await page.GetByLabel("New mentor").SelectOptionAsync(new SelectOptionValue { Label = "Mira Mentor" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("move-message")).ToContainTextAsync(moving.Name);
        }
        var miraGroup = page.Locator("[data-testid=preview-group][data-mentor='Mira Mentor']");
        await Expect(miraGroup.GetByTestId("group-size")).ToHaveTextAsync("2");
        await Expect(miraGroup.GetByTestId("group-total")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("balance")).ToContainTextAsync("Largest group total: 6 years; best possible is at least 3 — 2.00 times that bound.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and notify" }).ClickAsync();
        await Expect(page.Locator("[data-testid=member][data-name='Stella Student']")).ToContainTextAsync("Mira Mentor");
        await Expect(page.Locator("[data-testid=member][data-name='Theo Student']")).ToContainTextAsync("Mira Mentor");
        await page.FillAsync("#Title", "Kick-off on Monday");
        await page.FillAsync("#Markdown", "Bring **questions** <script>window.hacked = true</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post announcement" }).ClickAsync();
        await Expect(page.GetByText("Posted; the program's students were emailed.")).ToBeVisibleAsync();

        await using var studentContext = await Browser.NewContextAsync(baseUrl);
        var studentPage = await studentContext.NewPageAsync();
        await studentPage.SignInAsync(student);
        await Expect(studentPage.GetByTestId("my-mentor")).ToContainTextAsync("Mira Mentor");
        var announcement = studentPage.GetByTestId("announcement");
        await Expect(announcement.Locator("strong")).ToHaveTextAsync("questions");
        Assert.False(await studentPage.EvaluateAsync<bool>("() => window.hacked === true"));
        await (await SmtpSink.InstanceAsync()).WaitForMailAsync(student.Email, m => m.Subject.Contains("Your mentor in Autumn bootcamp", StringComparison.Ordinal));
    }
}
