using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

public class ProgramApiTests
{
    private static Task<int> ProgramCountAsync(ApiWorld world) => world.QueryAsync(db => db.Programs.CountAsync());

    private static Task AnnounceAsync(ApiWorld world, Guid programId, string title, bool pinned = false) =>
        world.Run<ProgramService, PeerMentor.Domain.Result>(s => s.AnnounceAsync(programId, world.Admin.Id, title, "Read **this**.", pinned));

    private static async Task<Guid> AddEventAsync(ApiWorld world, string title, string? groupMentorId = null)
    {
        var input = new EventInput(title, "", DateTime.UtcNow.AddDays(3), 60, null, groupMentorId);
        var (result, id) = await world.Run<ProgramEventService, (PeerMentor.Domain.Result, Guid?)>(s => s.CreateAsync(world.Admin.Id, true, world.ProgramId, input));
        return id ?? throw new InvalidOperationException(result.Summary);
    }

    private static string[] Titles(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToArray();

    [Theory]
    [InlineData("GET", "/api/v1/programs")]
    [InlineData("GET", "/api/v1/programs/{id}")]
    [InlineData("GET", "/api/v1/programs/{id}/announcements")]
    [InlineData("GET", "/api/v1/programs/{id}/events")]
    [InlineData("POST", "/api/v1/programs")]
    [InlineData("POST", "/api/v1/programs/{id}/members")]
    [InlineData("PATCH", "/api/v1/programs/{id}/mentors/someone")]
    [InlineData("GET", "/api/v1/programs/{id}/assignment-preview")]
    [InlineData("POST", "/api/v1/programs/{id}/assign")]
    [InlineData("GET", "/api/v1/assignments")]
    [InlineData("POST", "/api/v1/assignments/{id}/submissions")]
    [InlineData("GET", "/api/v1/reviews")]
    [InlineData("POST", "/api/v1/reviews")]
    public async Task Without_credentials_every_program_endpoint_answers_401(string method, string url)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal))
        {
            Content = method == "POST" ? JsonContent.Create(new { }) : null,
        };

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_student_sees_their_program_with_their_mentor_and_nothing_of_other_programs()
    {
        await using var world = await ApiWorld.CreateAsync();
        var student = await world.ClientAsync(world.Student);

        var programs = await student.JsonAsync("/api/v1/programs");

        var program = Assert.Single(programs.EnumerateArray());
        Assert.Equal(("Backend cohort", "Student", "Mara Mentor"),
            (program.GetProperty("name").GetString(), program.GetProperty("role").GetString(), program.GetProperty("mentor").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_mentor_sees_their_group_by_name_and_no_email_addresses()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.GetStringAsync("/api/v1/programs");

        var group = JsonDocument.Parse(response).RootElement[0].GetProperty("group");
        Assert.Equal(["Sam Student"], group.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.DoesNotContain("@example.com", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_every_program()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);

        var programs = await admin.JsonAsync("/api/v1/programs");

        Assert.Equal(["Backend cohort", "Design cohort"], programs.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task A_member_reads_the_announcements_pinned_first_with_safe_html()
    {
        await using var world = await ApiWorld.CreateAsync();
        await AnnounceAsync(world, world.ProgramId, "Welcome", pinned: true);
        await AnnounceAsync(world, world.ProgramId, "Week two");
        await AnnounceAsync(world, world.OtherProgramId, "Design news");
        var student = await world.ClientAsync(world.Student);

        var announcements = await student.JsonAsync($"/api/v1/programs/{world.ProgramId}/announcements");

        Assert.Equal(["Welcome", "Week two"], Titles(announcements));
        Assert.Contains("<strong>this</strong>", announcements[0].GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("announcements")]
    [InlineData("events")]
    public async Task Another_programs_student_gets_the_same_404_as_for_a_program_that_does_not_exist(string board)
    {
        await using var world = await ApiWorld.CreateAsync();
        await AnnounceAsync(world, world.ProgramId, "Welcome");
        await AddEventAsync(world, "Kick-off");
        var outsider = await world.ClientAsync(world.OtherStudent);

        var existing = await outsider.GetAsync($"/api/v1/programs/{world.ProgramId}/{board}");
        var missing = await outsider.GetAsync($"/api/v1/programs/{Guid.NewGuid()}/{board}");

        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal((await ApiClient.ProblemAsync(missing)).GetProperty("detail").GetString(),
            (await ApiClient.ProblemAsync(existing)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_student_sees_the_whole_programs_events_and_their_own_groups_but_not_another_groups()
    {
        await using var world = await ApiWorld.CreateAsync();
        var secondMentor = await world.App.CreateAsync(Roles.Mentor, "Second Mentor");
        await world.Run<ProgramService, PeerMentor.Domain.Result>(s => s.AddMemberAsync(world.ProgramId, secondMentor.Id));
        await AddEventAsync(world, "Masterclass");
        await AddEventAsync(world, "Mara's group call", world.Mentor.Id);
        await AddEventAsync(world, "Second group call", secondMentor.Id);
        var student = await world.ClientAsync(world.Student);

        var events = await student.JsonAsync($"/api/v1/programs/{world.ProgramId}/events");

        Assert.Equal(["Mara's group call", "Masterclass"], Titles(events).Order());
        Assert.EndsWith("Z", events[0].GetProperty("startUtc").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_creates_a_program_and_finds_it_in_the_list()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/programs", new { Name = "Data cohort", StartsOn = "2027-01-04", EndsOn = "2027-03-26", Capacity = 20 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2027-03-26", (await admin.JsonAsync($"/api/v1/programs/{id}")).GetProperty("endsOn").GetString());
    }

    [Fact]
    public async Task A_program_that_ends_before_it_starts_gets_a_400_naming_the_fields_and_nothing_is_created()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/programs", new { Name = " ", StartsOn = "2027-03-01", EndsOn = "2027-02-01", Capacity = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Capacity", "EndsOn", "Name"], (await ApiClient.ErrorFieldsAsync(response)).Order());
        Assert.Equal(2, await ProgramCountAsync(world));
    }

    [Fact]
    public async Task A_mentor_cannot_create_a_program()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/programs", new { Name = "Mine", StartsOn = "2027-01-04", EndsOn = "2027-03-26", Capacity = 20 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, await ProgramCountAsync(world));
    }

    [Fact]
    public async Task An_admin_adds_a_student_who_then_sees_the_program()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var newcomer = await world.App.CreateAsync(Roles.Student, "Nia Newcomer");

        var response = await admin.PostAsJsonAsync($"/api/v1/programs/{world.ProgramId}/members", new { UserId = newcomer.Id });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Backend cohort", (await (await world.ClientAsync(newcomer)).JsonAsync("/api/v1/programs"))[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_mentor_capacity_out_of_range_gets_a_400_and_the_mentor_is_not_added()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var mentor = await world.App.CreateAsync(Roles.Mentor);

        var response = await admin.PostAsJsonAsync($"/api/v1/programs/{world.ProgramId}/members", new { UserId = mentor.Id, MentorCapacity = 0 });

        Assert.Equal(["MentorCapacity"], await ApiClient.ErrorFieldsAsync(response));
        Assert.False(await world.QueryAsync(db => db.ProgramMembers.AnyAsync(m => m.UserId == mentor.Id)));
    }

    [Fact]
    public async Task The_preview_names_who_would_go_where_and_places_nobody()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var newcomer = await world.App.CreateAsync(Roles.Student, "Nia Newcomer");
        await world.Run<ProgramService, PeerMentor.Domain.Result>(s => s.AddMemberAsync(world.ProgramId, newcomer.Id));

        var preview = await admin.JsonAsync($"/api/v1/programs/{world.ProgramId}/assignment-preview");

        var group = Assert.Single(preview.GetProperty("groups").EnumerateArray());
        Assert.Equal(("Mara Mentor", "Nia Newcomer"),
            (group.GetProperty("mentor").GetProperty("name").GetString(), group.GetProperty("newStudents")[0].GetProperty("name").GetString()));
        Assert.Null(await world.QueryAsync(db => db.ProgramMembers.Where(m => m.UserId == newcomer.Id).Select(m => m.MentorId).SingleAsync()));
    }

    [Fact]
    public async Task Assigning_places_the_new_student_with_a_mentor_and_mails_them()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var newcomer = await world.App.CreateAsync(Roles.Student, "Nia Newcomer");
        await world.Run<ProgramService, PeerMentor.Domain.Result>(s => s.AddMemberAsync(world.ProgramId, newcomer.Id));

        var response = await admin.PostAsync($"/api/v1/programs/{world.ProgramId}/assign", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var program = (await (await world.ClientAsync(newcomer)).JsonAsync("/api/v1/programs"))[0];
        Assert.Equal("Mara Mentor", program.GetProperty("mentor").GetProperty("name").GetString());
        Assert.Equal(1, await world.QueryAsync(db => db.Outbox.CountAsync(m => m.Recipient == newcomer.Email && m.Subject.StartsWith("Your mentor"))));
    }

    [Fact]
    public async Task A_student_cannot_preview_or_assign()
    {
        await using var world = await ApiWorld.CreateAsync();
        var student = await world.ClientAsync(world.Student);

        var preview = await student.GetAsync($"/api/v1/programs/{world.ProgramId}/assignment-preview");
        var assign = await student.PostAsync($"/api/v1/programs/{world.ProgramId}/assign", null);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (preview.StatusCode, assign.StatusCode));
    }

    [Fact]
    public async Task Assigning_an_unknown_program_gets_a_404_problem()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);

        var response = await admin.PostAsync($"/api/v1/programs/{Guid.NewGuid()}/assign", null);

        Assert.Equal(404, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task On_postgres_two_admins_assigning_at_once_place_and_mail_each_student_once()
    {
        await using var world = await ApiWorld.CreateAsync(DatabaseKind.Postgres);
        var newcomers = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            var newcomer = await world.App.CreateAsync(Roles.Student);
            await world.Run<ProgramService, PeerMentor.Domain.Result>(s => s.AddMemberAsync(world.ProgramId, newcomer.Id));
            newcomers.Add(newcomer);
        }
        var secondAdmin = await world.App.CreateAsync(Roles.Admin);
        var clients = new[] { await world.ClientAsync(world.Admin), await world.ClientAsync(secondAdmin) };

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/programs/{world.ProgramId}/assign", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var emails = newcomers.Select(n => n.Email).ToList();
        var mails = await world.QueryAsync(db => db.Outbox.Where(m => emails.Contains(m.Recipient) && m.Subject.StartsWith("Your mentor")).CountAsync());
        Assert.Equal(4, mails);
    }

    private static Task<int> CapacityAsync(ApiWorld world, TestUser mentor) =>
        world.QueryAsync(db => db.ProgramMembers.Where(m => m.ProgramId == world.ProgramId && m.UserId == mentor.Id).Select(m => m.MentorCapacity).SingleAsync());

    [Fact]
    public async Task An_admin_changes_a_mentors_capacity()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);

        var response = await admin.PatchAsJsonAsync($"/api/v1/programs/{world.ProgramId}/mentors/{world.Mentor.Id}", new { MentorCapacity = 7 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(7, await CapacityAsync(world, world.Mentor));
    }

    [Fact]
    public async Task An_impossible_capacity_gets_a_400_naming_the_field_and_changes_nothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var before = await CapacityAsync(world, world.Mentor);

        var response = await admin.PatchAsJsonAsync($"/api/v1/programs/{world.ProgramId}/mentors/{world.Mentor.Id}", new { MentorCapacity = 0 });

        Assert.Equal(["MentorCapacity"], await ApiClient.ErrorFieldsAsync(response));
        Assert.Equal(before, await CapacityAsync(world, world.Mentor));
    }

    [Fact]
    public async Task Changing_the_capacity_of_someone_who_is_no_mentor_in_the_program_gets_a_404_and_a_student_gets_a_403()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = await world.ClientAsync(world.Admin);
        var student = await world.ClientAsync(world.Student);

        var notMentor = await admin.PatchAsJsonAsync($"/api/v1/programs/{world.ProgramId}/mentors/{world.OtherMentor.Id}", new { MentorCapacity = 5 });
        var byStudent = await student.PatchAsJsonAsync($"/api/v1/programs/{world.ProgramId}/mentors/{world.Mentor.Id}", new { MentorCapacity = 5 });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (notMentor.StatusCode, byStudent.StatusCode));
    }
}
