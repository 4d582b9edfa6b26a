using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

public class SchedulingApiTests
{
    private sealed record Slot(DateTime StartUtc, DateTime EndUtc);

    private static async Task<(AppFactory App, TestUser Mentor)> StartAsync(bool autoAccept = true)
    {
        var app = await AppFactory.CreateAsync(smtp: false);
        var mentor = await app.CreateAsync(Roles.Mentor);
        await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id,
            new AvailabilitySettings([60], 0, 0, 60, 14, autoAccept, null),
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray()));
        return (app, mentor);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_401_problem_and_no_token()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { mentor.Email, Password = "not the password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_instead_of_redirecting_to_the_sign_in_page()
    {
        var (app, _) = await StartAsync();
        await using var running = app;

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_student_books_a_free_slot_and_a_second_student_gets_a_409_problem_for_it()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var first = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        var second = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        var slot = (await first.GetFromJsonAsync<List<Slot>>($"/api/v1/mentors/{mentor.Id}/slots?minutes=60"))![0];
        var body = new { MentorId = mentor.Id, slot.StartUtc, Minutes = 60, Agenda = "API booking" };

        var booked = await first.PostAsJsonAsync("/api/v1/sessions", body);
        var taken = await second.PostAsJsonAsync("/api/v1/sessions", body);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("just taken", (await ApiClient.ProblemAsync(taken)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_without_an_agenda_gets_a_validation_problem_naming_the_field()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        var slot = (await student.GetFromJsonAsync<List<Slot>>($"/api/v1/mentors/{mentor.Id}/slots"))![0];

        var response = await student.PostAsJsonAsync("/api/v1/sessions", new { MentorId = mentor.Id, slot.StartUtc, Minutes = 60, Agenda = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ProblemAsync(response)).GetProperty("errors").TryGetProperty("Agenda", out _));
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_not_a_stack_trace()
    {
        var (app, _) = await StartAsync();
        await using var running = app;
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));

        var response = await student.PostAsync("/api/v1/sessions", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_cannot_book_through_the_student_endpoint()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var client = await app.BearerClientAsync(mentor);

        var response = await client.PostAsJsonAsync("/api/v1/sessions", new { MentorId = mentor.Id, StartUtc = DateTime.UtcNow.AddDays(1), Minutes = 60, Agenda = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_mentor_accepting_someone_elses_request_gets_a_404_problem()
    {
        var (app, mentor) = await StartAsync(autoAccept: false);
        await using var running = app;
        var otherMentor = await app.BearerClientAsync(await app.CreateAsync(Roles.Mentor));
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        var slot = (await student.GetFromJsonAsync<List<Slot>>($"/api/v1/mentors/{mentor.Id}/slots"))![0];
        var created = await student.PostAsJsonAsync("/api/v1/sessions", new { MentorId = mentor.Id, slot.StartUtc, Minutes = 60, Agenda = "Pending" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await otherMentor.PostAsync($"/api/v1/sessions/{id}/accept", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_api_route_gets_a_404_problem_not_the_html_page()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var client = await app.BearerClientAsync(mentor);

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }
    [Fact]
    public async Task Slot_windows_at_the_limits_of_time_get_a_400_problem_naming_the_field()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));
        (string Query, string Field)[] cases =
        [
            ("from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z", "from"),
            ("from=9999-12-30T00:00:00Z&to=9999-12-31T00:00:00Z", "from"),
            ("from=9999-12-30T00:00:00Z", "from"),
            ("to=9999-12-31T23:59:59Z", "to"),
        ];

        foreach (var (query, field) in cases)
        {
            var response = await student.GetAsync($"/api/v1/mentors/{mentor.Id}/slots?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([field], await ApiClient.ErrorFieldsAsync(response));
        }
    }

    [Fact]
    public async Task Bookings_at_the_limits_of_time_get_a_400_problem_naming_the_start()
    {
        var (app, mentor) = await StartAsync();
        await using var running = app;
        var student = await app.BearerClientAsync(await app.CreateAsync(Roles.Student));

        foreach (var start in new[] { "9999-12-31T23:00:00Z", "0001-01-01T00:00:00Z" })
        {
            var body = $$"""{ "mentorId": "{{mentor.Id}}", "startUtc": "{{start}}", "minutes": 60, "agenda": "Far away" }""";
            var response = await student.PostAsync("/api/v1/sessions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["StartUtc"], await ApiClient.ErrorFieldsAsync(response));
        }
    }
}
