using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

/// <summary>The API also accepts the pages' cookie, which a browser sends along with another site's form post.</summary>
public class ApiCsrfTests
{
    private sealed record Slot(DateTime StartUtc, DateTime EndUtc);

    /// <summary>A mentor who accepts by hand, signed in with the cookie, and a student's open request to them.</summary>
    private static async Task<(AppFactory App, HttpClient MentorCookie, TestUser Mentor, Guid SessionId)> RequestedSessionAsync()
    {
        var app = await AppFactory.CreateAsync(smtp: false);
        var mentor = await app.CreateAsync(Roles.Mentor);
        await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id,
            new AvailabilitySettings([60], 0, 0, 60, 14, false, null),
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray()));
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        var slot = (await student.GetFromJsonAsync<List<Slot>>($"/api/v1/mentors/{mentor.Id}/slots"))![0];
        var created = await student.PostAsJsonAsync("/api/v1/sessions", new { MentorId = mentor.Id, slot.StartUtc, Minutes = 60, Agenda = "Review" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (app, await app.SignedInClientAsync(mentor), mentor, id);
    }

    private static async Task<string> StatusOfAsync(HttpClient client, Guid id) =>
        (await client.JsonAsync("/api/v1/sessions")).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_cross_site_form_post_with_the_mentors_cookie_is_refused_and_changes_nothing()
    {
        var (app, mentorCookie, _, id) = await RequestedSessionAsync();
        await using var running = app;

        var response = await mentorCookie.PostAsync($"/api/v1/sessions/{id}/accept", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing or invalid antiforgery token", (await ApiClient.ProblemAsync(response)).GetProperty("title").GetString());
        Assert.Equal("Requested", await StatusOfAsync(mentorCookie, id));
    }

    [Fact]
    public async Task A_cookie_call_that_sends_the_pages_antiforgery_token_goes_through()
    {
        var (app, mentorCookie, _, id) = await RequestedSessionAsync();
        await using var running = app;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{id}/accept");
        request.Headers.Add("RequestVerificationToken", await mentorCookie.AntiforgeryTokenAsync("/"));

        var response = await mentorCookie.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Accepted", await StatusOfAsync(mentorCookie, id));
    }

    [Fact]
    public async Task A_bearer_token_call_needs_no_antiforgery_token()
    {
        var (app, _, mentor, id) = await RequestedSessionAsync();
        await using var running = app;
        var bearer = await app.BearerClientAsync(mentor);

        var response = await bearer.PostAsync($"/api/v1/sessions/{id}/accept", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
