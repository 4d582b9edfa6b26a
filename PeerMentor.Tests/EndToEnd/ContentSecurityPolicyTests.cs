using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>The pages work under the content security policy: the browser reports no violation and loads every resource they ask for.</summary>
public class ContentSecurityPolicyTests
{
    [Fact]
    public async Task Every_role_walks_its_main_pages_without_a_policy_violation_or_a_missing_resource()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor, "Mona Mentor");
        var student = await app.CreateAsync(Roles.Student, "Stan Student");
        var programId = await app.CreateProgramAsync("Policy cohort", assign: true, mentor, student);
        var (eventId, mailId) = await app.RunAsync(async s =>
        {
            var (_, id) = await s.GetRequiredService<ProgramEventService>().CreateAsync(mentor.Id, false, programId,
                new EventInput("Policy masterclass", "", DateTime.UtcNow.AddDays(2), 60, "https://meet.example/policy", null));
            var db = s.GetRequiredService<AppDbContext>();
            var mail = SentMail.From(new MailMessage(student.Email, "Welcome", "Hello", "<p style=\"color: teal\">Hello</p>"), DateTime.UtcNow);
            db.SentMails.Add(mail);
            await db.SaveChangesAsync();
            return (id!.Value, mail.Id);
        });
        string[] anonymous = ["account/login", "account/register"];
        string[] students = ["", "calendar", "sessions", "mentors", $"mentors/{mentor.Id}", "assignments", "reviews", $"events/{eventId}", "account/notifications"];
        string[] mentors = ["", "calendar", "sessions", "mentor/availability", "mentor/events", "mentor/assignments", "mentor/reviews"];
        string[] admins = ["", "admin/users", $"admin/users/{mentor.Id}", "admin/programs", $"admin/programs/{programId}", "admin/registrations",
            "admin/sessions", "admin/reviews", "admin/deliveries", "admin/mail", $"admin/mail/{mailId}"];

        var problems = new List<string>();
        var circuits = 0;
        foreach (var (user, paths) in new (TestUser?, string[])[] { (null, anonymous), (student, students), (mentor, mentors), (admin, admins) })
        {
            await using var context = await Browser.NewContextAsync(baseUrl);
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error") problems.Add($"{page.Url}: {message.Text}");
            };
            page.Response += (_, response) =>
            {
                if (response.Status >= 400) problems.Add($"{page.Url}: {response.Status} for {response.Url}");
            };
            page.WebSocket += (_, _) => Interlocked.Increment(ref circuits);
            if (user is not null) await page.SignInAsync(user);
            foreach (var path in paths) await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        // Blazor's script ran and reached the server over its WebSocket under the policy, on an interactive page.
        Assert.True(circuits > 0, "No Blazor circuit connected.");
        Assert.Empty(problems);
    }
}
