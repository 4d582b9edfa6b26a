using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class AssignmentTests
{
    private static readonly DateTime Due = SchedulingScenario.Monday0900Berlin.AddDays(2);
    private static readonly StoredFile Essay = new("0123456789abcdef0123456789abcdef", "essay.pdf", "application/pdf", 100);

    private sealed record World(SchedulingScenario Scenario, Guid ProgramId, string OtherMentor, string MyStudent, string OtherStudent,
        string Outsider, Guid OtherProgramId, string OtherProgramStudent) : IAsyncDisposable
    {
        public AppFactory App => Scenario.App;
        public string Mentor => Scenario.MentorId;
        public ValueTask DisposeAsync() => Scenario.DisposeAsync();
    }

    /// <summary>Two mentors with one student each in one program, an outsider mentor, and a second program with a student of its own.</summary>
    private static async Task<World> CreateAsync()
    {
        var scenario = await SchedulingScenario.CreateAsync();
        var other = await scenario.AddMentorAsync();
        var outsider = await scenario.AddMentorAsync();
        var students = await scenario.AddStudentsAsync(3);
        Task Programs(Func<ProgramService, Task> action) => scenario.App.RunAsync(s => action(s.GetRequiredService<ProgramService>()));
        Guid programId = default, otherProgramId = default;
        await Programs(async p => programId = (await p.CreateAsync(new ProgramInput("Assignments cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        await Programs(async p => otherProgramId = (await p.CreateAsync(new ProgramInput("Other cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        foreach (var id in new[] { scenario.MentorId, other, students[0], students[1] }) await Programs(p => p.AddMemberAsync(programId, id, 1));
        await Programs(p => p.AddMemberAsync(otherProgramId, outsider, 1));
        await Programs(p => p.AddMemberAsync(otherProgramId, students[2], 1));
        await Programs(p => p.AssignAsync(programId));
        await Programs(p => p.AssignAsync(otherProgramId));
        var mine = await scenario.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.ProgramId == programId && m.MentorId == scenario.MentorId).Select(m => m.UserId).SingleAsync());
        return new World(scenario, programId, other, mine, new[] { students[0], students[1] }.Single(s => s != mine), outsider, otherProgramId, students[2]);
    }

    private static Task<T> Run<T>(World world, Func<AssignmentService, Task<T>> action) =>
        world.App.RunAsync(s => action(s.GetRequiredService<AssignmentService>()));

    private static async Task<Guid> PostAsync(World world, string? author = null, bool admin = false) =>
        (await Run(world, s => s.PostAsync(author ?? world.Mentor, admin, world.ProgramId, new AssignmentInput("Essay on testing", "Two pages.", Due)))).Id!.Value;

    private static Task<(Result Result, string? Replaced)> SubmitAsync(World world, string student, Guid assignmentId, StoredFile? file = null, string? link = null) =>
        Run(world, s => s.SubmitAsync(student, assignmentId, file ?? Essay, link));

    private static Task<Submission> SubmissionAsync(World world, Guid assignmentId) =>
        world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<Submission>().AsNoTracking().SingleAsync(x => x.AssignmentId == assignmentId));

    private static void MoveClockTo(World world, DateTime utc) => world.Scenario.Clock.Advance(utc - world.Scenario.Clock.GetUtcNow().UtcDateTime);

    private static Task<int> CountAsync<T>(World world) where T : class =>
        world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<T>().CountAsync());

    [Fact]
    public async Task Work_handed_in_before_the_due_time_is_on_time()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);

        MoveClockTo(world, Due.AddMinutes(-1));
        await SubmitAsync(world, world.MyStudent, id);

        Assert.False((await SubmissionAsync(world, id)).IsLate);
    }

    [Fact]
    public async Task Work_handed_in_after_the_due_time_is_accepted_but_marked_late()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);

        MoveClockTo(world, Due.AddMinutes(1));
        var (result, _) = await SubmitAsync(world, world.MyStudent, id);

        Assert.True(result.Succeeded, result.Summary);
        Assert.True((await SubmissionAsync(world, id)).IsLate);
    }

    [Fact]
    public async Task Handing_in_again_replaces_the_file_and_names_the_old_one_for_deletion()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);
        await SubmitAsync(world, world.MyStudent, id);

        var (_, replaced) = await SubmitAsync(world, world.MyStudent, id, Essay with { StoredName = "fedcba9876543210fedcba9876543210", FileName = "essay-v2.pdf" });

        Assert.Equal(Essay.StoredName, replaced);
        Assert.Equal("essay-v2.pdf", (await SubmissionAsync(world, id)).FileName);
    }

    [Fact]
    public async Task A_mentor_outside_the_program_cannot_post_an_assignment_to_it()
    {
        await using var world = await CreateAsync();

        var (result, _) = await Run(world, s => s.PostAsync(world.Outsider, false, world.ProgramId, new AssignmentInput("Essay", "", Due)));

        Assert.True(result.Forbidden);
        Assert.Equal(0, await CountAsync<Assignment>(world));
    }

    [Fact]
    public async Task An_assignment_without_a_due_time_is_refused()
    {
        await using var world = await CreateAsync();

        var (result, _) = await Run(world, s => s.PostAsync(world.Mentor, false, world.ProgramId, new AssignmentInput("Essay", "", null)));

        Assert.NotEmpty(result.For("DueUtc"));
        Assert.Equal(0, await CountAsync<Assignment>(world));
    }

    [Fact]
    public async Task A_mentors_assignment_is_seen_by_their_group_only()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);

        var seen = await world.App.RunAsync(s => AssignmentService.VisibleTo(s.GetRequiredService<AppDbContext>(), world.OtherStudent).AnyAsync(a => a.Id == id));

        Assert.False(seen);
    }

    [Fact]
    public async Task A_student_of_another_group_cannot_hand_in_to_a_group_assignment()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);

        var (result, _) = await SubmitAsync(world, world.OtherStudent, id);

        Assert.True(result.Forbidden);
        Assert.Equal(0, await CountAsync<Submission>(world));
    }

    [Fact]
    public async Task A_student_of_another_program_cannot_hand_in_to_a_whole_program_assignment()
    {
        await using var world = await CreateAsync();
        var adminId = world.Outsider; // any id: an admin needs no membership
        var id = await PostAsync(world, adminId, admin: true);

        var (result, _) = await SubmitAsync(world, world.OtherProgramStudent, id);

        Assert.True(result.Forbidden);
        Assert.Equal(0, await CountAsync<Submission>(world));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task A_grade_outside_0_to_100_is_refused(int grade)
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);
        await SubmitAsync(world, world.MyStudent, id);
        var submission = await SubmissionAsync(world, id);

        var result = await Run(world, s => s.ReviewAsync(world.Mentor, submission.Id, grade, "Good"));

        Assert.NotEmpty(result.For("Grade"));
        Assert.Null((await SubmissionAsync(world, id)).Grade);
    }

    [Fact]
    public async Task The_students_mentor_grades_the_work_and_the_grade_is_kept()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world);
        await SubmitAsync(world, world.MyStudent, id);
        var submission = await SubmissionAsync(world, id);

        await Run(world, s => s.ReviewAsync(world.Mentor, submission.Id, 87, "Clear argument."));

        Assert.Equal((87, "Clear argument."), ((await SubmissionAsync(world, id)).Grade, (await SubmissionAsync(world, id)).ReviewComments));
    }

    [Fact]
    public async Task A_mentor_who_is_not_the_students_mentor_cannot_review_their_work()
    {
        await using var world = await CreateAsync();
        var id = await PostAsync(world, world.Outsider, admin: true);
        await SubmitAsync(world, world.MyStudent, id);
        var submission = await SubmissionAsync(world, id);

        var result = await Run(world, s => s.ReviewAsync(world.OtherMentor, submission.Id, 90, "Great"));

        Assert.True(result.Forbidden);
        Assert.Null((await SubmissionAsync(world, id)).Grade);
    }
}
