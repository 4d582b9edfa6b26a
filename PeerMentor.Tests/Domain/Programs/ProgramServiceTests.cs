using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class ProgramServiceTests
{
    private static readonly ProgramInput Spring = new("Spring 2027 cohort", new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30), 40);

    private sealed record World(AppFactory App, Guid ProgramId, List<string> Mentors, List<string> Students) : IAsyncDisposable
    {
        public Task<T> RunAsync<T>(Func<ProgramService, Task<T>> action) => App.RunAsync(s => action(s.GetRequiredService<ProgramService>()));

        public Task<Dictionary<string, string?>> MentorOfAsync() => App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.ProgramId == ProgramId && m.Role == Roles.Student && m.LeftUtc == null)
            .ToDictionaryAsync(m => m.UserId, m => m.MentorId));

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<World> CreateAsync(int mentors, int students, int mentorCapacity = 10)
    {
        var scenario = await SchedulingScenario.CreateAsync();
        var app = scenario.App;
        var mentorIds = new List<string> { scenario.MentorId };
        for (var i = 1; i < mentors; i++) mentorIds.Add(await scenario.AddMentorAsync());
        var studentIds = await scenario.AddStudentsAsync(students);
        var (created, programId) = await app.RunAsync(s => s.GetRequiredService<ProgramService>().CreateAsync(Spring));
        Assert.True(created.Succeeded, created.Summary);
        foreach (var id in mentorIds.Concat(studentIds))
        {
            var added = await app.RunAsync(s => s.GetRequiredService<ProgramService>().AddMemberAsync(programId!.Value, id, mentorCapacity));
            Assert.True(added.Succeeded, added.Summary);
        }
        return new World(app, programId!.Value, mentorIds, studentIds);
    }

    [Fact]
    public async Task A_program_that_ends_before_it_starts_is_refused()
    {
        await using var world = await CreateAsync(1, 0);

        var (result, id) = await world.RunAsync(s => s.CreateAsync(Spring with { EndsOn = new DateOnly(2027, 2, 1) }));

        Assert.NotEmpty(result.For("EndsOn"));
        Assert.Null(id);
    }

    [Fact]
    public async Task The_preview_writes_nothing()
    {
        await using var world = await CreateAsync(2, 6);

        var preview = await world.RunAsync(s => s.PreviewAsync(world.ProgramId));

        Assert.Equal(6, preview!.Groups.Sum(g => g.NewStudentIds.Count));
        Assert.All((await world.MentorOfAsync()).Values, Assert.Null);
    }

    [Fact]
    public async Task Assigning_places_every_student_with_groups_as_even_as_the_lower_bound_allows()
    {
        await using var world = await CreateAsync(3, 12);

        var (_, plan) = await world.RunAsync(s => s.AssignAsync(world.ProgramId));

        var mentorOf = await world.MentorOfAsync();
        Assert.All(mentorOf.Values, mentor => Assert.Contains(mentor, world.Mentors));
        Assert.Equal([4, 4, 4], plan!.Groups.Select(g => g.GroupSize));
        Assert.Equal(plan.LowerBound, plan.Makespan);
    }

    [Fact]
    public async Task A_student_who_joins_later_is_placed_without_moving_anyone_else()
    {
        await using var world = await CreateAsync(2, 4);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var before = await world.MentorOfAsync();
        var late = await world.App.CreateAsync(Roles.Student, "Late Joiner");
        await world.RunAsync(s => s.AddMemberAsync(world.ProgramId, late.Id));

        await world.RunAsync(s => s.AssignAsync(world.ProgramId));

        var after = await world.MentorOfAsync();
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        Assert.NotNull(after[late.Id]);
    }

    [Fact]
    public async Task When_a_mentor_leaves_their_students_go_to_the_others_and_never_back()
    {
        await using var world = await CreateAsync(3, 9);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var leaving = world.Mentors[0];
        var orphans = (await world.MentorOfAsync()).Where(p => p.Value == leaving).Select(p => p.Key).ToList();

        await world.RunAsync(s => s.RemoveMentorAsync(world.ProgramId, leaving));
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));

        var after = await world.MentorOfAsync();
        Assert.NotEmpty(orphans);
        Assert.All(orphans, student => Assert.NotEqual(leaving, after[student]));
        Assert.All(after.Values, Assert.NotNull);
    }

    [Fact]
    public async Task A_full_program_refuses_another_student()
    {
        await using var world = await CreateAsync(1, 0);
        var (_, small) = await world.RunAsync(s => s.CreateAsync(Spring with { Capacity = 1 }));
        var first = await world.App.CreateAsync(Roles.Student);
        var second = await world.App.CreateAsync(Roles.Student);
        await world.RunAsync(s => s.AddMemberAsync(small!.Value, first.Id));

        var refused = await world.RunAsync(s => s.AddMemberAsync(small!.Value, second.Id));

        Assert.Contains("full", refused.Summary);
    }

    [Fact]
    public async Task An_announcement_is_stored_and_queued_as_mail_to_each_student()
    {
        await using var world = await CreateAsync(1, 3);
        var admin = await world.App.CreateAsync(Roles.Admin);

        var posted = await world.RunAsync(s => s.AnnounceAsync(world.ProgramId, admin.Id, "Kick-off on Monday", "Bring **questions**.", pinned: true));

        Assert.True(posted.Succeeded, posted.Summary);
        var queued = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.CountAsync(m => m.Subject.Contains("Kick-off")));
        Assert.Equal(3, queued);
    }
}
