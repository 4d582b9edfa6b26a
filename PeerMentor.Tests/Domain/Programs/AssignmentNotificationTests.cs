using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class AssignmentNotificationTests
{
    /// <summary>Friday 27 Nov 2026, 12:30 UTC: 18:00 in Kolkata, where the scenario's students live.</summary>
    private static readonly DateTime Due = new(2026, 11, 27, 12, 30, 0, DateTimeKind.Utc);

    private sealed record World(SchedulingScenario Scenario, Guid ProgramId, Guid AssignmentId, string OtherMentor, string MyStudent, string OtherStudent) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scenario.DisposeAsync();

        public Task<T> Assignments<T>(Func<AssignmentService, Task<T>> action) => Scenario.App.RunAsync(s => action(s.GetRequiredService<AssignmentService>()));

        public Task<Assignment?> LoadAsync() =>
            Scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<Assignment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == AssignmentId));
    }

    /// <summary>Two mentors with one student each; the first mentor has posted an assignment for their group.</summary>
    private static async Task<World> CreateAsync()
    {
        var scenario = await SchedulingScenario.CreateAsync();
        var other = await scenario.AddMentorAsync();
        var students = await scenario.AddStudentsAsync(2);
        var programs = (Func<Func<ProgramService, Task>, Task>)(a => scenario.App.RunAsync(s => a(s.GetRequiredService<ProgramService>())));
        Guid programId = default;
        await programs(async p => programId = (await p.CreateAsync(new ProgramInput("Homework cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        foreach (var id in new[] { scenario.MentorId, other, students[0], students[1] }) await programs(p => p.AddMemberAsync(programId, id, 1));
        await programs(p => p.AssignAsync(programId));
        var mine = await scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.Where(m => m.MentorId == scenario.MentorId).Select(m => m.UserId).SingleAsync());
        var (result, assignmentId) = await scenario.App.RunAsync(s => s.GetRequiredService<AssignmentService>()
            .PostAsync(scenario.MentorId, false, programId, new AssignmentInput("Design a URL shortener", "One page.", Due)));
        Assert.True(result.Succeeded, result.Summary);
        return new World(scenario, programId, assignmentId!.Value, other, mine, students.Single(s => s != mine));
    }

    [Fact]
    public async Task Posting_an_assignment_mails_the_group_its_due_time_in_their_zone_and_where_to_hand_it_in()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.MyStudent);

        var mail = Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("New assignment", StringComparison.Ordinal));

        Assert.Equal("[Homework cohort] New assignment: Design a URL shortener, due Fri 27 Nov 2026, 18:00 (UTC+05:30)", mail.Subject);
        Assert.Contains("/assignments", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Students_of_another_group_are_not_mailed_a_group_assignment()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.OtherStudent);

        Assert.DoesNotContain(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("assignment", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_graded_submission_mails_the_student_their_grade()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.MyStudent);
        await world.Assignments(s => s.SubmitAsync(world.MyStudent, world.AssignmentId, null, "https://git.example/shortener"));
        var submissionId = await world.Scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<Submission>().Select(x => x.Id).SingleAsync());

        var result = await world.Assignments(s => s.ReviewAsync(world.Scenario.MentorId, submissionId, 87, "Clear and tested."));

        Assert.True(result.Succeeded, result.Summary);
        var mail = Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("reviewed", StringComparison.Ordinal));
        Assert.Contains("87 / 100", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Clear and tested.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_edits_the_assignment_and_the_group_is_mailed_the_new_due_time()
    {
        await using var world = await CreateAsync();
        var email = await world.Scenario.EmailOfAsync(world.MyStudent);

        var result = await world.Assignments(s => s.EditAsync(world.Scenario.MentorId, false, world.AssignmentId,
            new AssignmentInput("Design a URL shortener", "Two pages.", Due.AddDays(1))));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal(("Two pages.", Due.AddDays(1)), ((await world.LoadAsync())!.Instructions, (await world.LoadAsync())!.DueUtc));
        Assert.Single(await world.Scenario.OutboxAsync(), m => m.Recipient == email && m.Subject.Contains("due Sat 28 Nov 2026, 18:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_mentor_cannot_edit_the_assignment()
    {
        await using var world = await CreateAsync();

        var result = await world.Assignments(s => s.EditAsync(world.OtherMentor, false, world.AssignmentId, new AssignmentInput("Mine now", "", Due)));

        Assert.True(result.NotFound);
        Assert.Equal("Design a URL shortener", (await world.LoadAsync())!.Title);
    }

    [Fact]
    public async Task An_edit_with_a_due_time_in_the_past_is_refused()
    {
        await using var world = await CreateAsync();

        var result = await world.Assignments(s => s.EditAsync(world.Scenario.MentorId, false, world.AssignmentId,
            new AssignmentInput("Design a URL shortener", "", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))));

        Assert.NotEmpty(result.For("DueUtc"));
        Assert.Equal(Due, (await world.LoadAsync())!.DueUtc);
    }

    [Fact]
    public async Task An_assignment_without_submissions_can_be_deleted_by_its_author()
    {
        await using var world = await CreateAsync();

        var result = await world.Assignments(s => s.DeleteAsync(world.Scenario.MentorId, false, world.AssignmentId));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Null(await world.LoadAsync());
    }

    [Fact]
    public async Task An_assignment_with_a_submission_cannot_be_deleted()
    {
        await using var world = await CreateAsync();
        await world.Assignments(s => s.SubmitAsync(world.MyStudent, world.AssignmentId, null, "https://git.example/shortener"));

        var result = await world.Assignments(s => s.DeleteAsync(world.Scenario.MentorId, false, world.AssignmentId));

        Assert.False(result.Succeeded);
        Assert.NotNull(await world.LoadAsync());
    }
}
