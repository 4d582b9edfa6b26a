using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Matching;
using PeerMentor.Domain.Notifications;
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

        public Task<List<OutboxMessage>> OutboxAsync() => App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

        public Task<string> NameOfAsync(string userId) =>
            App.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync());

        /// <summary>The preview with its first new student moved to the other mentor of a two-mentor program.</summary>
        public async Task<(AssignmentResult Plan, string Student, string Mentor)> AdjustedPreviewAsync()
        {
            var preview = (await RunAsync(s => s.PreviewAsync(ProgramId)))!;
            var (student, from) = preview.Placements.First();
            var to = Mentors.Single(m => m != from);
            var (moved, plan) = await RunAsync(s => s.MoveInPreviewAsync(ProgramId, preview, student, to));
            Assert.True(moved.Succeeded, moved.Summary);
            return (plan!, student, to);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<World> CreateAsync(int mentors, int students, int mentorCapacity = 10, DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var scenario = await SchedulingScenario.CreateAsync(kind);
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

    [Fact]
    public async Task Confirming_an_adjusted_preview_places_the_students_as_adjusted()
    {
        await using var world = await CreateAsync(2, 4);
        var (adjusted, _, _) = await world.AdjustedPreviewAsync();

        var (result, _) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, adjusted));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal(adjusted.Placements.ToDictionary(p => p.StudentId, p => (string?)p.MentorId), await world.MentorOfAsync());
    }

    /// <summary>A two-mentor program whose preview had one student moved by hand, then confirmed.</summary>
    private static async Task<(World World, string Student, string Mentor)> ConfirmedMoveAsync()
    {
        var world = await CreateAsync(2, 4);
        var (adjusted, student, mentor) = await world.AdjustedPreviewAsync();
        var (result, _) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, adjusted));
        Assert.True(result.Succeeded, result.Summary);
        return (world, student, mentor);
    }

    [Fact]
    public async Task A_moved_student_is_mailed_the_mentor_chosen_by_hand()
    {
        var (world, student, mentor) = await ConfirmedMoveAsync();
        await using var _ = world;

        var mail = Assert.Single(await world.OutboxAsync(), m => m.UserId == student);

        Assert.Equal(($"Your mentor in {Spring.Name}: {await world.NameOfAsync(mentor)}", NotificationTopic.ProgramNews), (mail.Subject, mail.Topic));
    }

    [Fact]
    public async Task The_mentor_who_gained_a_moved_student_is_mailed_their_name()
    {
        var (world, student, mentor) = await ConfirmedMoveAsync();
        await using var _ = world;

        var mail = Assert.Single(await world.OutboxAsync(), m => m.UserId == mentor);

        Assert.Contains(await world.NameOfAsync(student), mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_to_a_full_mentor_is_refused_in_the_preview()
    {
        await using var world = await CreateAsync(2, 4, mentorCapacity: 2);
        var preview = (await world.RunAsync(s => s.PreviewAsync(world.ProgramId)))!;
        var (student, from) = preview.Placements.First();
        var full = world.Mentors.Single(m => m != from);

        var (result, moved) = await world.RunAsync(s => s.MoveInPreviewAsync(world.ProgramId, preview, student, full));

        Assert.Null(moved);
        Assert.Equal($"{await world.NameOfAsync(full)} is full (takes at most 2 students), so {await world.NameOfAsync(student)} cannot join them.", result.Summary);
    }

    /// <summary>
    /// Mentors A and B take two students each and fill up; A leaves, so A's students wait without a mentor; C joins and
    /// A comes back. The preview gives A's former students to C, since A may never have them again.
    /// </summary>
    private static async Task<(World World, AssignmentResult Preview, string Orphan, string Returning)> MentorCameBackAsync()
    {
        var world = await CreateAsync(2, 4, mentorCapacity: 2);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var returning = world.Mentors[0];
        var orphan = (await world.MentorOfAsync()).First(p => p.Value == returning).Key;
        await world.RunAsync(s => s.RemoveMentorAsync(world.ProgramId, returning));
        var newcomer = await world.App.CreateAsync(Roles.Mentor, "Carla Newcomer");
        await world.RunAsync(s => s.AddMemberAsync(world.ProgramId, newcomer.Id, 10));
        await world.RunAsync(s => s.AddMemberAsync(world.ProgramId, returning, 10));
        var preview = (await world.RunAsync(s => s.PreviewAsync(world.ProgramId)))!;
        return (world, preview, orphan, returning);
    }

    [Fact]
    public async Task A_move_to_a_mentor_who_once_left_the_student_is_refused_in_the_preview()
    {
        var (world, preview, orphan, returning) = await MentorCameBackAsync();
        await using var _ = world;

        var (result, moved) = await world.RunAsync(s => s.MoveInPreviewAsync(world.ProgramId, preview, orphan, returning));

        Assert.Null(moved);
        Assert.Equal($"{await world.NameOfAsync(orphan)} cannot join {await world.NameOfAsync(returning)}: that mentor left them earlier in this program.", result.Summary);
    }

    [Fact]
    public async Task A_confirmed_plan_giving_a_student_to_a_mentor_who_left_them_is_refused_and_writes_nothing()
    {
        var (world, preview, orphan, returning) = await MentorCameBackAsync();
        await using var _ = world;
        var mails = (await world.OutboxAsync()).Count;
        var tampered = preview with
        {
            Groups = preview.Groups.Select(g => g with
            {
                NewStudentIds = g.MentorId == returning ? [.. g.NewStudentIds, orphan] : g.NewStudentIds.Where(id => id != orphan).ToArray(),
            }).ToArray(),
        };

        var (result, _) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, tampered));

        Assert.Contains("that mentor left them earlier", result.Summary, StringComparison.Ordinal);
        Assert.Equal((null, mails), ((await world.MentorOfAsync())[orphan], (await world.OutboxAsync()).Count));
    }

    [Fact]
    public async Task A_preview_made_before_another_admin_confirmed_is_refused_and_writes_nothing()
    {
        await using var world = await CreateAsync(2, 4);
        var (adjusted, _, _) = await world.AdjustedPreviewAsync();
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var placed = await world.MentorOfAsync();
        var mails = (await world.OutboxAsync()).Count;

        var (result, plan) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, adjusted));

        Assert.Null(plan);
        Assert.Contains("Preview the assignment again.", result.Summary, StringComparison.Ordinal);
        Assert.Equal(placed, await world.MentorOfAsync());
        Assert.Equal(mails, (await world.OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_preview_made_before_a_student_joined_is_refused_and_writes_nothing()
    {
        await using var world = await CreateAsync(2, 4);
        var (adjusted, _, _) = await world.AdjustedPreviewAsync();
        var late = await world.App.CreateAsync(Roles.Student, "Late Joiner");
        await world.RunAsync(s => s.AddMemberAsync(world.ProgramId, late.Id));

        var (result, _) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, adjusted));

        Assert.Equal("Late Joiner joined the program without a mentor after this plan was made. Preview the assignment again.", result.Summary);
        Assert.All((await world.MentorOfAsync()).Values, Assert.Null);
        Assert.Empty(await world.OutboxAsync());
    }

    [Fact]
    public async Task A_confirmed_plan_that_breaks_a_capacity_is_refused_and_writes_nothing()
    {
        await using var world = await CreateAsync(2, 4, mentorCapacity: 3);
        var preview = (await world.RunAsync(s => s.PreviewAsync(world.ProgramId)))!;
        var everyoneToOne = preview with
        {
            Groups = [new AssignedGroup(world.Mentors[0], world.Students, 4, 0, 0), new AssignedGroup(world.Mentors[1], [], 0, 0, 0)],
        };

        var (result, _) = await world.RunAsync(s => s.AssignAsync(world.ProgramId, everyoneToOne));

        Assert.Contains("is full (takes at most 3 students)", result.Summary, StringComparison.Ordinal);
        Assert.All((await world.MentorOfAsync()).Values, Assert.Null);
        Assert.Empty(await world.OutboxAsync());
    }

    [Fact]
    public async Task An_admin_changes_the_dates_capacity_and_rubric_together_and_a_bad_change_saves_nothing()
    {
        await using var world = await CreateAsync(mentors: 1, students: 3);
        var later = Spring with { Name = "Spring 2027 cohort (extended)", EndsOn = new DateOnly(2027, 7, 31), Capacity = 3 };

        var tooSmall = await world.RunAsync(s => s.UpdateAsync(world.ProgramId, later with { Capacity = 2 }, ["Delivery", "Testing"]));
        var badRubric = await world.RunAsync(s => s.UpdateAsync(world.ProgramId, later, ["Delivery, with commas"]));
        var unchanged = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Id == world.ProgramId));
        var saved = await world.RunAsync(s => s.UpdateAsync(world.ProgramId, later, [" Delivery ", "Testing", ""]));
        var program = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Id == world.ProgramId));

        Assert.Contains("3 students are in the program already", Assert.Single(tooSmall.For("Capacity")));
        Assert.NotEmpty(badRubric.For("Criteria"));
        Assert.Equal((Spring.Name, Spring.EndsOn, 40, "Progress, Code quality, Communication"), (unchanged.Name, unchanged.EndsOn, unchanged.Capacity, unchanged.ReviewCriteria));
        Assert.True(saved.Succeeded, saved.Summary);
        Assert.Equal((later.Name, later.EndsOn, 3, "Delivery, Testing"), (program.Name, program.EndsOn, program.Capacity, program.ReviewCriteria));
    }

    private static Task<List<ProgramExclusion>> ExclusionsAsync(World world) =>
        world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<ProgramExclusion>().AsNoTracking().ToListAsync());

    [Fact]
    public async Task Removing_a_mentor_leaves_students_who_wait_for_assign_waiting_unmailed_and_free_of_exclusions()
    {
        await using var world = await CreateAsync(2, 2);

        var (result, plan) = await world.RunAsync(s => s.RemoveMentorAsync(world.ProgramId, world.Mentors[0]));

        Assert.True(result.Succeeded, result.Summary);
        Assert.Empty(plan!.Placements);
        Assert.All((await world.MentorOfAsync()).Values, Assert.Null);
        Assert.Empty(await world.OutboxAsync());
        Assert.Empty(await ExclusionsAsync(world));
    }

    [Fact]
    public async Task Removing_a_mentor_moves_only_their_own_students_and_excludes_only_them()
    {
        await using var world = await CreateAsync(2, 4);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var leaving = world.Mentors[0];
        var orphans = (await world.MentorOfAsync()).Where(p => p.Value == leaving).Select(p => p.Key).Order().ToList();
        var late = await world.App.CreateAsync(Roles.Student, "Late Joiner");
        await world.RunAsync(s => s.AddMemberAsync(world.ProgramId, late.Id));

        var (_, plan) = await world.RunAsync(s => s.RemoveMentorAsync(world.ProgramId, leaving));

        Assert.Equal(orphans, plan!.Placements.Select(p => p.StudentId).Order());
        Assert.Null((await world.MentorOfAsync())[late.Id]);
        Assert.Equal(orphans.Select(o => (o, leaving)), (await ExclusionsAsync(world)).Select(e => (e.StudentId, e.MentorId)).OrderBy(e => e.StudentId));
    }

    [Fact]
    public async Task The_removal_preview_names_who_moves_to_whom_and_writes_nothing()
    {
        await using var world = await CreateAsync(2, 2, mentorCapacity: 2);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var (leaving, staying) = (world.Mentors[0], world.Mentors[1]);
        var orphan = (await world.MentorOfAsync()).Single(p => p.Value == leaving).Key;
        var before = ((await world.MentorOfAsync()).Count, (await world.OutboxAsync()).Count);

        var removal = await world.RunAsync(s => s.PreviewRemoveMentorAsync(world.ProgramId, leaving));

        var move = Assert.Single(removal!.Moves);
        Assert.Equal((orphan, staying, await world.NameOfAsync(staying)), (move.StudentId, move.ToMentorId, move.ToMentorName));
        Assert.Equal($"Remove {await world.NameOfAsync(leaving)} from this program? Their student will move to another mentor and be emailed.", removal.Question);
        Assert.Equal(leaving, (await world.MentorOfAsync())[orphan]);
        Assert.Equal(before, ((await world.MentorOfAsync()).Count, (await world.OutboxAsync()).Count));
        Assert.Empty(await ExclusionsAsync(world));
    }

    [Fact]
    public async Task The_removal_preview_says_who_will_wait_when_no_other_mentor_has_room()
    {
        await using var world = await CreateAsync(2, 4, mentorCapacity: 2);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));

        var removal = await world.RunAsync(s => s.PreviewRemoveMentorAsync(world.ProgramId, world.Mentors[0]));

        Assert.Equal((2, 2), (removal!.Moves.Count, removal.Waiting));
        Assert.EndsWith("Their 2 students will be spread over the other mentors and emailed. 2 of them will wait without a mentor: no other mentor can take them.", removal.Question);
    }

    [Fact]
    public async Task On_postgres_a_mentor_removed_while_another_admin_assigns_keeps_no_students_and_each_student_was_last_mailed_their_mentor()
    {
        await using var world = await CreateAsync(3, 0, kind: DatabaseKind.Postgres);
        var names = new Dictionary<string, string>();
        foreach (var mentor in world.Mentors) names[mentor] = await world.NameOfAsync(mentor);
        for (var round = 0; round < 3; round++)
        {
            var name = $"Race {round}";
            var (_, programId) = await world.RunAsync(s => s.CreateAsync(Spring with { Name = name }));
            var leaving = world.Mentors[round];
            foreach (var mentor in world.Mentors) await world.RunAsync(s => s.AddMemberAsync(programId!.Value, mentor));
            var students = new List<string>();
            for (var i = 0; i < 12; i++) students.Add((await world.App.CreateAsync(Roles.Student)).Id);
            foreach (var student in students) await world.RunAsync(s => s.AddMemberAsync(programId!.Value, student));

            await Task.WhenAll(world.RunAsync(s => s.AssignAsync(programId!.Value)), world.RunAsync(s => s.RemoveMentorAsync(programId!.Value, leaving)));

            var mentorOf = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
                .Where(m => m.ProgramId == programId && m.Role == Roles.Student).ToDictionaryAsync(m => m.UserId, m => m.MentorId));
            var lastMail = (await world.OutboxAsync()).Where(m => m.Subject.StartsWith($"Your mentor in {name}:", StringComparison.Ordinal))
                .GroupBy(m => m.UserId!).ToDictionary(g => g.Key, g => g.Last().Subject);
            Assert.All(students, student => Assert.NotEqual(leaving, mentorOf[student]));
            Assert.All(students, student => Assert.Equal($"Your mentor in {name}: {names[mentorOf[student]!]}", lastMail[student]));
        }
    }

    [Fact]
    public async Task A_mentor_capacity_changes_but_never_below_their_current_group()
    {
        await using var world = await CreateAsync(1, 3);
        await world.RunAsync(s => s.AssignAsync(world.ProgramId));
        var mentor = world.Mentors[0];

        var tooLow = await world.RunAsync(s => s.SetMentorCapacityAsync(world.ProgramId, mentor, 2));
        var raised = await world.RunAsync(s => s.SetMentorCapacityAsync(world.ProgramId, mentor, 3));

        Assert.Equal($"{await world.NameOfAsync(mentor)} has 3 students in this program already; the capacity cannot be lower.", Assert.Single(tooLow.For("MentorCapacity")));
        Assert.True(raised.Succeeded, raised.Summary);
        Assert.Equal(3, await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers
            .Where(m => m.ProgramId == world.ProgramId && m.UserId == mentor).Select(m => m.MentorCapacity).SingleAsync()));
    }
}
