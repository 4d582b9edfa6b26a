using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Reviews;

public class ReviewServiceTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static Dictionary<string, int> Points(int progress, int code, int communication) => new()
    {
        ["Progress"] = progress, ["Code quality"] = code, ["Communication"] = communication,
    };

    /// <summary>Two mentors with one student each, assigned in one program.</summary>
    private static async Task<(SchedulingScenario World, Guid ProgramId, string OtherMentor, string MyStudent, string OtherStudent)> CreateAsync()
    {
        var world = await SchedulingScenario.CreateAsync();
        var other = await world.AddMentorAsync();
        var students = await world.AddStudentsAsync(2);
        var (_, programId) = await world.App.RunAsync(s => s.GetRequiredService<ProgramService>()
            .CreateAsync(new ProgramInput("Reviewed cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10)));
        foreach (var id in new[] { world.MentorId, other, students[0], students[1] })
            await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId!.Value, id, 1));
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().AssignAsync(programId!.Value));
        var mine = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.MentorId == world.MentorId).Select(m => m.UserId).SingleAsync());
        return (world, programId!.Value, other, mine, students.Single(s => s != mine));
    }

    private static Task<WeeklyReview> ReviewAsync(SchedulingScenario world, string studentId) => world.App.RunAsync(s =>
        s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().Include(r => r.Changes).AsNoTracking().SingleAsync(r => r.StudentId == studentId));

    [Fact]
    public async Task A_mentor_reviews_a_student_in_their_group_for_the_week_starting_monday()
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;

        var result = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(world.MentorId, programId, student, Thursday, Points(7, 8, 6), "Solid week, keep the tests small."));

        Assert.True(result.Succeeded, result.Summary);
        var review = await ReviewAsync(world, student);
        Assert.Equal((new DateOnly(2026, 11, 23), 7.0), (review.Week, review.Average));
    }

    [Fact]
    public async Task A_mentor_cannot_review_a_student_outside_their_group()
    {
        var (world, programId, _, _, otherStudent) = await CreateAsync();
        await using var _ = world;

        var result = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(world.MentorId, programId, otherStudent, Thursday, Points(5, 5, 5), "Not mine"));

        Assert.True(result.Forbidden);
        Assert.False(await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().AnyAsync()));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public async Task Points_outside_zero_to_ten_are_refused_on_their_criterion(int points)
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;

        var result = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(world.MentorId, programId, student, Thursday, Points(points, 5, 5), "Out of range"));

        Assert.NotEmpty(result.For("Progress"));
    }

    [Fact]
    public async Task An_admins_change_to_a_review_is_kept_in_the_audit_trail_with_what_it_said_before()
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;
        var admin = await world.App.CreateAsync(Roles.Admin);
        await world.App.RunAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(world.MentorId, programId, student, Thursday, Points(7, 8, 6), "Original words"));
        var id = (await ReviewAsync(world, student)).Id;

        await world.App.RunAsync(s => s.GetRequiredService<ReviewService>().ReviseAsAdminAsync(admin.Id, id, Points(7, 8, 9), "Corrected words"));

        var review = await ReviewAsync(world, student);
        var change = Assert.Single(review.Changes);
        Assert.Equal((admin.Id, "Original words", "Progress=7;Code quality=8;Communication=6"), (change.ChangedById, change.PreviousFeedback, change.PreviousScores));
        Assert.Equal("Corrected words", review.Feedback);
    }

    [Fact]
    public async Task Reviewing_the_same_week_again_revises_the_one_review()
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;
        var service = (Func<int, Task>)(p => world.App.RunAsync(s => s.GetRequiredService<ReviewService>()
            .SubmitAsync(world.MentorId, programId, student, Thursday, Points(p, 5, 5), "Again")));

        await service(4);
        await service(6);

        var review = await ReviewAsync(world, student);
        Assert.Equal((6, 1), (review.Points["Progress"], review.Changes.Count));
    }

    private static Task<Result> ReviewWeekAsync(SchedulingScenario world, Guid programId, string student, DateOnly day) => world.App.RunAsync(s =>
        s.GetRequiredService<ReviewService>().SubmitAsync(world.MentorId, programId, student, day, Points(6, 6, 6), "A week."));

    [Theory]
    [InlineData("0001-01-01", "Pick a week of the program: from the week of 26 Oct 2026 to the week of 1 Feb 2027.")]
    [InlineData("2026-10-25", "Pick a week of the program: from the week of 26 Oct 2026 to the week of 1 Feb 2027.")]
    [InlineData("2099-06-01", "Pick a week of the program: from the week of 26 Oct 2026 to the week of 1 Feb 2027.")]
    [InlineData("2026-11-30", "The week of 30 Nov 2026 has not started yet; review it once it has.")]
    public async Task A_week_outside_the_program_or_not_yet_begun_is_refused_on_the_week_and_nothing_is_written(string day, string message)
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;

        var result = await ReviewWeekAsync(world, programId, student, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([message], result.For("Week"));
        Assert.False(await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<WeeklyReview>().AnyAsync()));
    }

    [Fact]
    public async Task The_first_week_from_its_monday_and_the_current_week_up_to_its_sunday_may_be_reviewed()
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;

        var first = await ReviewWeekAsync(world, programId, student, new DateOnly(2026, 10, 26));
        var current = await ReviewWeekAsync(world, programId, student, new DateOnly(2026, 11, 29));

        Assert.Equal((true, true), (first.Succeeded, current.Succeeded));
    }

    [Fact]
    public async Task A_mentor_east_of_utc_may_review_their_new_week_while_it_is_still_sunday_in_utc()
    {
        var (world, programId, _, student, _) = await CreateAsync();
        await using var _ = world;
        world.Clock.Advance(new DateTime(2026, 11, 29, 23, 30, 0, DateTimeKind.Utc) - world.Clock.GetUtcNow().UtcDateTime);

        var result = await ReviewWeekAsync(world, programId, student, new DateOnly(2026, 11, 30));

        Assert.True(result.Succeeded, result.Summary);
    }
}
