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
        await page.GetByRole(AriaRole.Button, new() { Name = "New program" }).ClickAsync();
        await page.FillAsync("#Name", "Autumn bootcamp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn bootcamp" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        foreach (var name in new[] { "Mira Mentor", "Max Mentor", "Stella Student", "Theo Student" })
        {
            var role = name.EndsWith("Mentor", StringComparison.Ordinal) ? "Mentor" : "Student";
            await ChooseAsync(page, $"{name} ({role})");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Expect(Member(page, name)).ToBeVisibleAsync();
            // Said under the search, which stays open for the next person (not one snackbar per person).
            await Expect(page.GetByTestId("added")).ToHaveTextAsync($"Added {name} as a {role.ToLowerInvariant()}.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview assignment" }).ClickAsync();
        await Expect(page.GetByTestId("balance")).ToContainTextAsync("optimal");
        // One student each is optimal; by hand, both go to Mira (one of the two may be with her already: only the other moves).
        var miraGroup = page.Locator("[data-testid=preview-group][data-mentor='Mira Mentor']");
        var maxGroup = page.Locator("[data-testid=preview-group][data-mentor='Max Mentor']");
        await Expect(maxGroup.GetByTestId("preview-student")).ToHaveCountAsync(1);
        var moving = await maxGroup.GetByTestId("preview-student").GetAttributeAsync("data-student");
        await maxGroup.GetByRole(AriaRole.Button, new() { Name = $"Move {moving}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Mira Mentor" }).ClickAsync();
        await Expect(page.GetByTestId("move-message")).ToContainTextAsync($"Moved {moving} to Mira Mentor");
        await Expect(miraGroup.GetByTestId("group-size")).ToHaveTextAsync("2");
        await Expect(miraGroup.GetByTestId("group-total")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("balance")).ToContainTextAsync("Largest group total: 6 years; best possible is at least 3 — 2.00 times that bound.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and notify" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Assign and notify" }).ClickAsync();
        await Expect(Member(page, "Stella Student")).ToContainTextAsync("Mira Mentor");
        await Expect(Member(page, "Theo Student")).ToContainTextAsync("Mira Mentor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Write an announcement" }).ClickAsync();
        await page.FillAsync("#Title", "Kick-off on Monday");
        await page.FillAsync("#Markdown", "Bring **questions** <script>window.hacked = true</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post announcement" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Post and email" }).ClickAsync();
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

    [Fact]
    public async Task An_admin_sets_a_mentors_capacity_and_removes_a_mentor_only_after_reading_who_moves_which_leaves_waiting_students_waiting()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        var mira = await app.CreateAsync(Roles.Mentor, "Mira Mentor");
        await app.CreateAsync(Roles.Mentor, "Max Mentor");
        var stella = await app.CreateAsync(Roles.Student, "Stella Student");
        var theo = await app.CreateAsync(Roles.Student, "Theo Student");
        var programId = await app.CreateProgramAsync("Winter bootcamp", assign: false, mira, stella, theo);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);
        await page.GotoAsync($"admin/programs/{programId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await ChooseAsync(page, "Max Mentor (Mentor)");
        await page.GetByLabel("Students an added mentor takes").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Capacity of Max Mentor")).ToHaveValueAsync("3");
        await page.GetByLabel("Capacity of Mira Mentor").FillAsync("0");
        await Member(page, "Mira Mentor").GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        await Expect(Member(page, "Mira Mentor")).ToContainTextAsync("A mentor takes 1 to 200 students.");
        await page.GetByLabel("Capacity of Mira Mentor").FillAsync("4");
        await Member(page, "Mira Mentor").GetByRole(AriaRole.Button, new() { Name = "Save capacity" }).ClickAsync();
        await Expect(Member(page, "Mira Mentor")).Not.ToContainTextAsync("A mentor takes 1 to 200 students.");
        // The error clears as soon as the field changes; the snackbar says the save itself went through.
        await Expect(page.GetByText("Mira Mentor takes 4 students.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Capacity of Mira Mentor")).ToHaveValueAsync("4");

        await Member(page, "Mira Mentor").GetByRole(AriaRole.Button, new() { Name = "Remove mentor" }).ClickAsync();
        await Expect(page.GetByTestId("removal-question")).ToHaveTextAsync("Remove Mira Mentor from this program? They have no students, so nobody moves and nobody is emailed.");
        await Expect(Member(page, "Mira Mentor")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Mira Mentor left; 0 of their students moved to other mentors.")).ToBeVisibleAsync();
        await Expect(Member(page, "Mira Mentor")).ToHaveCountAsync(0);
        await Expect(Member(page, "Stella Student")).ToContainTextAsync("not assigned");
        await Expect(Member(page, "Theo Student")).ToContainTextAsync("not assigned");
    }

    /// <summary>The row of the program's people table for this person.</summary>
    private static ILocator Member(IPage page, string name) =>
        page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=member][data-name='{name}']") });

    /// <summary>Types into "Person to add" (opened by "Add a person") and picks the suggestion.</summary>
    private static async Task ChooseAsync(IPage page, string option)
    {
        await page.GetByLabel("Person to add").FillAsync(option[..option.IndexOf(' ', StringComparison.Ordinal)]);
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }
}
