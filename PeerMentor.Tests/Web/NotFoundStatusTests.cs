using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

/// <summary>Pages for something that does not exist, or that the reader may not see, answer 404 with their own words.</summary>
public class NotFoundStatusTests
{
    [Fact]
    public async Task The_not_found_page_itself_answers_404()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var response = await app.CreateClient().GetAsync("/not-found");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We can't find that page", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_session_answers_404_and_ones_own_200()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var mentor = await app.CreateAsync(Roles.Mentor);
        var student = await app.CreateAsync(Roles.Student);
        var stranger = await app.CreateAsync(Roles.Student);
        var sessionId = await app.RunAsync(async s =>
        {
            await s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id, new AvailabilitySettings([60], 0, 0, 60, 14, false, null),
                Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray());
            var sessions = s.GetRequiredService<SessionService>();
            var (_, slots) = await sessions.FreeSlotsAsync(mentor.Id, student.Id, 60, DateTime.UtcNow, DateTime.UtcNow.AddDays(3));
            var (result, id) = await sessions.RequestAsync(student.Id, new SessionRequestInput(mentor.Id, slots[0].StartUtc, 60, "Review", ""));
            Assert.True(result.Succeeded, result.Summary);
            return id!.Value;
        });

        var strangers = await (await app.SignedInClientAsync(stranger)).GetAsync($"/sessions/{sessionId}");
        var own = await (await app.SignedInClientAsync(student)).GetAsync($"/sessions/{sessionId}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (strangers.StatusCode, own.StatusCode));
        Assert.Contains("We can't find that session", WebUtility.HtmlDecode(await strangers.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_in_the_admin_pages_answers_404()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var admin = await app.SignedInClientAsync(await app.CreateAsync(Roles.Admin));

        var response = await admin.GetAsync("/admin/users/no-such-person");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Person not found", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
