using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

public class AssignmentApiTests
{
    private static readonly TimeSpan DueIn = TimeSpan.FromDays(2);

    /// <summary>An assignment the mentor sets for their group, due two days from the held clock's now.</summary>
    private static async Task<Guid> PostAsync(ApiWorld world, Guid programId, TestUser author, string title)
    {
        var due = world.Clock.GetUtcNow().UtcDateTime + DueIn;
        var (result, id) = await world.Run<AssignmentService, (Result, Guid?)>(s => s.PostAsync(author.Id, false, programId, new AssignmentInput(title, "Two pages.", due)));
        return id ?? throw new InvalidOperationException(result.Summary);
    }

    private static Task<HttpResponseMessage> HandInAsync(HttpClient client, Guid assignmentId, string link) =>
        client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", new { LinkUrl = link });

    private static Task<int> SubmissionCountAsync(ApiWorld world) => world.QueryAsync(db => db.Set<Submission>().CountAsync());

    [Fact]
    public async Task A_student_lists_their_groups_assignments_with_the_due_time_in_utc_and_not_handed_in()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        await PostAsync(world, world.OtherProgramId, world.OtherMentor, "Another program's sketch");
        var student = await world.ClientAsync(world.Student);

        var assignment = Assert.Single((await student.JsonAsync("/api/v1/assignments")).EnumerateArray());

        var due = assignment.GetProperty("dueUtc").GetString()!;
        Assert.Equal((id, JsonValueKind.Null), (assignment.GetProperty("id").GetGuid(), assignment.GetProperty("submission").ValueKind));
        Assert.EndsWith("Z", due, StringComparison.Ordinal);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime + DueIn, DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_student_hands_in_a_link_on_time_and_the_list_shows_it_handed_in_and_not_late()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        var student = await world.ClientAsync(world.Student);

        var response = await HandInAsync(student, id, "https://example.org/my-essay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var submission = (await student.JsonAsync("/api/v1/assignments"))[0].GetProperty("submission");
        Assert.Equal(("https://example.org/my-essay", false), (submission.GetProperty("linkUrl").GetString(), submission.GetProperty("late").GetBoolean()));
    }

    [Fact]
    public async Task Work_handed_in_after_the_due_time_is_accepted_and_marked_late()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        world.Clock.Advance(DueIn + TimeSpan.FromMinutes(1));
        var student = await world.ClientAsync(world.Student);

        var response = await HandInAsync(student, id, "https://example.org/late-essay");

        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Handing_in_again_replaces_the_work_and_clears_the_grade_it_had()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        var student = await world.ClientAsync(world.Student);
        var first = await (await HandInAsync(student, id, "https://example.org/draft")).Content.ReadFromJsonAsync<JsonElement>();
        await world.Run<AssignmentService, Result>(s => s.ReviewAsync(world.Mentor.Id, first.GetProperty("id").GetGuid(), 70, "Good start."));

        await HandInAsync(student, id, "https://example.org/final");

        var submission = (await student.JsonAsync("/api/v1/assignments"))[0].GetProperty("submission");
        Assert.Equal(("https://example.org/final", JsonValueKind.Null), (submission.GetProperty("linkUrl").GetString(), submission.GetProperty("grade").ValueKind));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "LinkUrl")]
    [InlineData("", "File")]
    public async Task A_bad_or_missing_link_gets_a_400_naming_the_field_and_nothing_is_handed_in(string link, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        var student = await world.ClientAsync(world.Student);

        var response = await HandInAsync(student, id, link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ApiClient.ErrorFieldsAsync(response));
        Assert.Equal(0, await SubmissionCountAsync(world));
    }

    [Fact]
    public async Task Another_programs_student_cannot_hand_in_and_nothing_is_written()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        var outsider = await world.ClientAsync(world.OtherStudent);

        var response = await HandInAsync(outsider, id, "https://example.org/not-mine");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await SubmissionCountAsync(world));
    }

    [Fact]
    public async Task A_mentor_cannot_hand_in_work()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = await PostAsync(world, world.ProgramId, world.Mentor, "Essay on testing");
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await HandInAsync(mentor, id, "https://example.org/mentor");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
