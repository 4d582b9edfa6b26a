using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web.Api;

public class ReviewApiTests
{
    /// <summary>A day of this week (the programs start today); the review is filed under the week's Monday.</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string ThisMonday => WeeklyReview.WeekOf(Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Review(Guid programId, TestUser student, int progress = 7, string feedback = "Keep the tests small.", string? week = null) => new
    {
        ProgramId = programId,
        StudentId = student.Id,
        Week = week ?? Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Points = new Dictionary<string, int> { ["Progress"] = progress, ["Code quality"] = 6, ["Communication"] = 8 },
        Feedback = feedback,
    };

    private static Task ReviewDirectlyAsync(ApiWorld world, TestUser mentor, Guid programId, TestUser student) =>
        world.Run<ReviewService, Result>(s => s.SubmitAsync(mentor.Id, programId, student.Id, Today,
            new Dictionary<string, int> { ["Progress"] = 5, ["Code quality"] = 5, ["Communication"] = 5 }, "Fine."));

    private static Task<int> ReviewCountAsync(ApiWorld world) => world.QueryAsync(db => db.Set<WeeklyReview>().CountAsync());

    private static string[] StudentNames(JsonElement reviews) =>
        reviews.EnumerateArray().Select(r => r.GetProperty("student").GetProperty("name").GetString()!).Order().ToArray();

    [Fact]
    public async Task A_mentor_reviews_their_student_for_the_week_of_a_day_and_gets_the_review_back()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/reviews", Review(world.ProgramId, world.Student));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((ThisMonday, 7.0), (review.GetProperty("week").GetString(), review.GetProperty("average").GetDouble()));
    }

    [Fact]
    public async Task The_student_reads_the_review_their_mentor_wrote()
    {
        await using var world = await ApiWorld.CreateAsync();
        await (await world.ClientAsync(world.Mentor)).PostAsJsonAsync("/api/v1/reviews", Review(world.ProgramId, world.Student, feedback: "Great pairing this week."));
        var student = await world.ClientAsync(world.Student);

        var reviews = await student.JsonAsync("/api/v1/reviews");

        Assert.Equal("Great pairing this week.", Assert.Single(reviews.EnumerateArray()).GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task Points_out_of_range_get_a_400_naming_the_criterion_and_nothing_is_written()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/reviews", Review(world.ProgramId, world.Student, progress: 11));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Progress"], await ApiClient.ErrorFieldsAsync(response));
        Assert.Equal(0, await ReviewCountAsync(world));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2099-06-01")]
    public async Task A_review_for_a_week_outside_the_program_gets_a_400_naming_the_week_and_nothing_is_written(string week)
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/reviews", Review(world.ProgramId, world.Student, week: week));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Week"], await ApiClient.ErrorFieldsAsync(response));
        Assert.Equal(0, await ReviewCountAsync(world));
    }

    [Fact]
    public async Task A_review_without_a_week_gets_a_400_naming_the_week()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/reviews", new { world.ProgramId, StudentId = world.Student.Id, Feedback = "No week." });

        Assert.Equal(["Week"], await ApiClient.ErrorFieldsAsync(response));
        Assert.Equal(0, await ReviewCountAsync(world));
    }

    [Fact]
    public async Task A_mentor_reviewing_another_mentors_student_gets_a_403_and_nothing_is_written()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mentor = await world.ClientAsync(world.Mentor);

        var response = await mentor.PostAsJsonAsync("/api/v1/reviews", Review(world.OtherProgramId, world.OtherStudent));

        Assert.Equal(403, (await ApiClient.ProblemAsync(response)).GetProperty("status").GetInt32());
        Assert.Equal(0, await ReviewCountAsync(world));
    }

    [Fact]
    public async Task A_student_cannot_write_a_review()
    {
        await using var world = await ApiWorld.CreateAsync();
        var student = await world.ClientAsync(world.Student);

        var response = await student.PostAsJsonAsync("/api/v1/reviews", Review(world.ProgramId, world.Student));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await ReviewCountAsync(world));
    }

    [Fact]
    public async Task A_mentor_lists_only_their_groups_reviews()
    {
        await using var world = await ApiWorld.CreateAsync();
        await ReviewDirectlyAsync(world, world.Mentor, world.ProgramId, world.Student);
        await ReviewDirectlyAsync(world, world.OtherMentor, world.OtherProgramId, world.OtherStudent);
        var mentor = await world.ClientAsync(world.Mentor);

        var reviews = await mentor.JsonAsync("/api/v1/reviews");

        Assert.Equal(["Sam Student"], StudentNames(reviews));
    }

    [Fact]
    public async Task A_student_does_not_see_another_students_reviews()
    {
        await using var world = await ApiWorld.CreateAsync();
        await ReviewDirectlyAsync(world, world.OtherMentor, world.OtherProgramId, world.OtherStudent);
        var student = await world.ClientAsync(world.Student);

        var reviews = await student.JsonAsync("/api/v1/reviews");

        Assert.Empty(reviews.EnumerateArray());
    }

    [Fact]
    public async Task An_admin_lists_every_review_or_one_programs()
    {
        await using var world = await ApiWorld.CreateAsync();
        await ReviewDirectlyAsync(world, world.Mentor, world.ProgramId, world.Student);
        await ReviewDirectlyAsync(world, world.OtherMentor, world.OtherProgramId, world.OtherStudent);
        var admin = await world.ClientAsync(world.Admin);

        var all = await admin.JsonAsync("/api/v1/reviews");
        var one = await admin.JsonAsync($"/api/v1/reviews?programId={world.OtherProgramId}");

        Assert.Equal(["Olga Otherstudent", "Sam Student"], StudentNames(all));
        Assert.Equal(["Olga Otherstudent"], StudentNames(one));
    }
}
