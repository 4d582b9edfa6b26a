using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain.Programs;

public class ProgramEventTests
{
    private static readonly DateTime Tomorrow = SchedulingScenario.Monday0900Berlin.AddDays(1);

    /// <summary>Two mentors, each with one student, in one program; plus an outsider mentor.</summary>
    private static async Task<(SchedulingScenario World, Guid ProgramId, string OtherMentor, string MyStudent, string OtherStudent, string Outsider)> CreateAsync()
    {
        var world = await SchedulingScenario.CreateAsync();
        var other = await world.AddMentorAsync();
        var outsider = await world.AddMentorAsync();
        var students = await world.AddStudentsAsync(2);
        var programs = (Func<Func<ProgramService, Task>, Task>)(a => world.App.RunAsync(s => a(s.GetRequiredService<ProgramService>())));
        Guid programId = default;
        await programs(async p => programId = (await p.CreateAsync(new ProgramInput("Events cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31), 10))).Id!.Value);
        foreach (var id in new[] { world.MentorId, other, students[0], students[1] }) await programs(p => p.AddMemberAsync(programId, id, 1));
        await programs(p => p.AssignAsync(programId));
        var mine = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.Where(m => m.MentorId == world.MentorId).Select(m => m.UserId).SingleAsync());
        return (world, programId, other, mine, students.Single(s => s != mine), outsider);
    }

    private static EventInput Masterclass(int minutes = 90, string? group = null, DateTime? start = null) =>
        new("System design masterclass", "Bring a diagram.", start ?? Tomorrow, minutes, "https://meet.example/design", group);

    private static Task<(PeerMentor.Domain.Result Result, Guid? Id)> CreateEventAsync(SchedulingScenario world, string userId, Guid programId, EventInput input, bool admin = false) =>
        world.App.RunAsync(s => s.GetRequiredService<ProgramEventService>().CreateAsync(userId, admin, programId, input));

    private static Task<List<Guid>> VisibleAsync(SchedulingScenario world, string userId) =>
        world.App.RunAsync(s => ProgramEventService.VisibleTo(s.GetRequiredService<AppDbContext>(), userId).Select(e => e.Id).ToListAsync());

    [Fact]
    public async Task An_event_that_ends_before_it_starts_or_starts_in_the_past_is_refused()
    {
        var (world, programId, _, _, _, _) = await CreateAsync();
        await using var _ = world;

        var (noLength, _) = await CreateEventAsync(world, world.MentorId, programId, Masterclass(minutes: 0));
        var (past, _) = await CreateEventAsync(world, world.MentorId, programId, Masterclass(start: SchedulingScenario.Monday0900Berlin.AddDays(-1)));

        Assert.NotEmpty(noLength.For("DurationMinutes"));
        Assert.NotEmpty(past.For("StartUtc"));
    }

    [Fact]
    public async Task A_mentor_outside_the_program_cannot_add_events_to_it()
    {
        var (world, programId, _, _, _, outsider) = await CreateAsync();
        await using var _ = world;

        var (result, id) = await CreateEventAsync(world, outsider, programId, Masterclass());

        Assert.True(result.Forbidden);
        Assert.Null(id);
    }

    [Fact]
    public async Task A_whole_program_event_is_seen_by_every_member_and_emailed_to_every_student()
    {
        var (world, programId, other, mine, theirs, outsider) = await CreateAsync();
        await using var _ = world;

        var (_, id) = await CreateEventAsync(world, world.MentorId, programId, Masterclass());

        foreach (var member in new[] { world.MentorId, other, mine, theirs }) Assert.Contains(id!.Value, await VisibleAsync(world, member));
        Assert.DoesNotContain(id!.Value, await VisibleAsync(world, outsider));
        Assert.Equal(2, await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.CountAsync(m => m.Kind == OutboxKind.Notice && m.Subject.Contains("System design masterclass"))));
    }

    [Fact]
    public async Task A_group_event_is_seen_only_by_that_mentors_group()
    {
        var (world, programId, other, mine, theirs, _) = await CreateAsync();
        await using var _ = world;

        var (result, id) = await CreateEventAsync(world, world.MentorId, programId, Masterclass(group: world.MentorId));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains(id!.Value, await VisibleAsync(world, mine));
        Assert.DoesNotContain(id.Value, await VisibleAsync(world, theirs));
        Assert.DoesNotContain(id.Value, await VisibleAsync(world, other));
    }

    [Fact]
    public async Task A_mentor_cannot_add_an_event_for_another_mentors_group()
    {
        var (world, programId, other, _, _, _) = await CreateAsync();
        await using var _ = world;

        var (result, _) = await CreateEventAsync(world, world.MentorId, programId, Masterclass(group: other));

        Assert.True(result.Forbidden);
    }
}
