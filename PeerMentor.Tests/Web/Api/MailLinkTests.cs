using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Api;

namespace PeerMentor.Tests.Web.Api;

public partial class MailLinkTests
{
    private static Task<TestUser> DemoAsync(AppFactory app, string email) => app.RunAsync(async s =>
    {
        var user = await s.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return new TestUser(user.Id, email, DemoData.Password, user.DisplayName);
    });

    private static Task<List<OutboxMessage>> MailsAboutAsync(AppFactory app, string userId, string text) => app.RunAsync(s =>
        s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().Where(m => m.UserId == userId && m.TextBody.Contains(text)).OrderBy(m => m.Id).ToListAsync());

    /// <summary>
    /// As the README's `dotnet run` starts it: the demo program is seeded (and its mails written) before the server listens,
    /// then a student books a session with their mentor, who accepts it.
    /// </summary>
    [Fact]
    public async Task A_session_mail_and_its_reminder_link_to_the_session_page_on_the_port_the_app_listens_on()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["DemoData:Seed"] = "true" });
        var site = app.StartKestrel();
        var (student, mentor) = (await DemoAsync(app, "student1@peermentor.local"), await DemoAsync(app, "mentor1@peermentor.local"));
        var studentApi = await app.BearerClientAsync(student);
        var slot = (await studentApi.GetFromJsonAsync<List<SlotDto>>($"/api/v1/mentors/{mentor.Id}/slots?minutes=60"))![0];
        var requested = await studentApi.PostAsJsonAsync("/api/v1/sessions", new { MentorId = mentor.Id, slot.StartUtc, Minutes = 60, Agenda = "Links that open" });
        var sessionId = (await requested.Content.ReadFromJsonAsync<SessionDto>())!.Id;
        (await (await app.BearerClientAsync(mentor)).PostAsync($"/api/v1/sessions/{sessionId}/accept", null)).EnsureSuccessStatusCode();

        var mails = await MailsAboutAsync(app, student.Id, sessionId.ToString());
        var accepted = mails.First(m => !m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        var reminder = mails.First(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        var page = $"{site}sessions/{sessionId}";
        Assert.Equal([page, page], new[] { accepted, reminder }.Select(m => SessionLink().Match(m.TextBody).Groups[1].Value));
        var browser = app.CreateClient(new() { BaseAddress = new Uri(site), AllowAutoRedirect = false });
        await browser.PostLoginAsync(student.Email, student.Password);
        var opened = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Links that open", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mails_written_while_demo_data_is_seeded_before_the_server_listens_link_to_the_address_it_was_told_to_use()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false,
            extra: new Dictionary<string, string?> { ["DemoData:Seed"] = "true", ["urls"] = "http://localhost:5080" });
        var student = await DemoAsync(app, "student1@peermentor.local");

        var masterclass = Assert.Single(await MailsAboutAsync(app, student.Id, "It is on your PeerMentor calendar"));

        Assert.Matches(@"calendar: http://localhost:5080/events/[0-9a-f-]{36}\n", masterclass.TextBody);
    }

    [Fact]
    public async Task A_password_reset_mail_links_to_the_apps_own_address_whatever_host_the_request_named()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var site = app.StartKestrel();
        var person = await app.CreateAsync(Roles.Student);
        var client = app.CreateClient(new() { BaseAddress = new Uri(site), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "attacker.example";

        await client.SubmitAsync("/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = person.Email });

        var mail = Assert.Single(await MailsAboutAsync(app, person.Id, "account/reset-password"));
        Assert.StartsWith($"{site}account/reset-password?", ResetLink().Match(mail.TextBody).Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"Open the session: (\S+)")]
    private static partial Regex SessionLink();
}
