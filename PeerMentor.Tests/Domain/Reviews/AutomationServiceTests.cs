using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Reviews;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;

namespace PeerMentor.Tests.Domain.Reviews;

public class AutomationServiceTests
{
    [Fact]
    public async Task Confirming_pairs_buddies_puts_a_struggling_student_on_probation_and_each_sees_why_at_home()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var app = world.App;
        var students = new List<TestUser>();
        foreach (var name in new[] { "Ann Strong", "Bob Steady", "Cat Middle", "Dan Struggling" }) students.Add(await app.CreateAsync(Roles.Student, name));
        Guid programId = default;
        await app.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            programId = (await programs.CreateAsync(new ProgramInput("Automated", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10))).Id!.Value;
            await programs.AddMemberAsync(programId, world.MentorId, 10);
            foreach (var student in students) await programs.AddMemberAsync(programId, student.Id);
            await programs.AssignAsync(programId);
        });
        var thisWeek = new DateOnly(2026, 11, 23);
        var scores = new[] { 9, 7, 6, 3 };
        for (var i = 0; i < students.Count; i++)
            foreach (var week in new[] { thisWeek, thisWeek.AddDays(-7) })
            {
                var points = new Dictionary<string, int> { ["Progress"] = scores[i], ["Code quality"] = scores[i], ["Communication"] = scores[i] };
                var id = students[i].Id;
                var saved = await app.RunAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(world.MentorId, programId, id, week, points, "Weekly notes"));
                Assert.True(saved.Succeeded, saved.Summary);
            }

        var result = await app.RunAsync(s => s.GetRequiredService<AutomationService>().ConfirmAsync(programId));

        Assert.True(result.Succeeded, result.Summary);
        var pairs = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<BuddyPair>().AsNoTracking().ToListAsync());
        Assert.Equal([(students[0].Id, students[3].Id), (students[1].Id, students[2].Id)], pairs.OrderBy(p => p.Id).Select(p => (p.StudentA, p.StudentB)));
        var client = await app.SignedInClientAsync(students[3]);
        var home = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("Your buddy this week: <strong>Ann Strong</strong>", home);
        Assert.Contains("You are on probation. Dan Struggling's review average was below 4.0 for 2 weeks in a row", home);
    }

    /// <summary>A program under the scenario's mentor with these students, assigned; running Nov 2026 – Feb 2027.</summary>
    private static async Task<(Guid ProgramId, List<TestUser> Students)> ProgramAsync(SchedulingScenario world, string name, params string[] studentNames)
    {
        var students = new List<TestUser>();
        foreach (var student in studentNames) students.Add(await world.App.CreateAsync(Roles.Student, student));
        var programId = await world.App.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput(name, new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10))).Id!.Value;
            await programs.AddMemberAsync(id, world.MentorId, 10);
            foreach (var student in students) await programs.AddMemberAsync(id, student.Id);
            await programs.AssignAsync(id);
            return id;
        });
        return (programId, students);
    }

    private static async Task ReviewAsync(SchedulingScenario world, Guid programId, TestUser student, DateOnly week, int points)
    {
        var scores = new Dictionary<string, int> { ["Progress"] = points, ["Code quality"] = points, ["Communication"] = points };
        var saved = await world.App.RunAsync(s => s.GetRequiredService<ReviewService>().SubmitAsync(world.MentorId, programId, student.Id, week, scores, "Weekly notes"));
        Assert.True(saved.Succeeded, saved.Summary);
    }

    [Fact]
    public async Task A_student_on_probation_whose_points_stay_low_is_removed_told_why_and_left_out_of_pairing()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var (programId, students) = await ProgramAsync(world, "Strict cohort", "Eve Fine", "Fay Good", "Gus Low");
        var saved = await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().SetAutomationsAsync(programId, new AutomationSettings(4, 2, 3, AppliesItself: false)));
        Assert.True(saved.Succeeded, saved.Summary);
        var thisWeek = new DateOnly(2026, 11, 23);
        foreach (var week in new[] { thisWeek.AddDays(-7), thisWeek })
            for (var i = 0; i < students.Count; i++) await ReviewAsync(world, programId, students[i], week, new[] { 8, 7, 2 }[i]);

        await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ConfirmAsync(programId));
        world.Clock.Advance(TimeSpan.FromDays(7));
        await ReviewAsync(world, programId, students[2], thisWeek.AddDays(7), 3);
        var proposals = await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ProposeAsync(programId));
        var removal = Assert.Single(proposals!.Removals);
        Assert.Equal(students[2].Id, removal.StudentId);
        Assert.Empty(proposals.Probation);
        Assert.DoesNotContain(proposals.Pairs, p => p.StudentA == students[2].Id || p.StudentB == students[2].Id);
        var confirmed = await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ConfirmAsync(programId));

        Assert.True(confirmed.Succeeded, confirmed.Summary);
        var member = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.AsNoTracking()
            .SingleAsync(m => m.ProgramId == programId && m.UserId == students[2].Id));
        Assert.NotNull(member.LeftUtc);
        Assert.StartsWith("Gus Low's review average was below 4.0 for 3 weeks in a row (3.0, 2.0, 2.0).", member.LeftReason);
        var mail = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .SingleAsync(m => m.UserId == students[2].Id && m.Subject == "You have been removed from Strict cohort"));
        Assert.Equal(NotificationTopic.AccountSecurity, mail.Topic);
        var client = await world.App.SignedInClientAsync(students[2]);
        var home = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("You were removed from this program on 30 Nov 2026. Gus Low's review average was below 4.0", home);
        Assert.DoesNotContain("You are on probation", home);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_program_set_to_apply_automations_itself_gets_them_once_a_week_even_with_two_instances(DatabaseKind kind)
    {
        await using var world = await SchedulingScenario.CreateAsync(kind);
        var (automatic, students) = await ProgramAsync(world, "Self-running", "Hal High", "Ivy Low");
        var (manual, others) = await ProgramAsync(world, "Hands-on", "Jon High", "Kim Low");
        await world.App.RunAsync(s => s.GetRequiredService<ProgramService>().SetAutomationsAsync(automatic, new AutomationSettings(4, 2, 4, AppliesItself: true)));
        var lastWeek = new DateOnly(2026, 11, 16);
        await ReviewAsync(world, automatic, students[0], lastWeek, 9);
        await ReviewAsync(world, automatic, students[1], lastWeek, 5);
        await ReviewAsync(world, manual, others[0], lastWeek, 9);
        await ReviewAsync(world, manual, others[1], lastWeek, 5);

        // Two app instances' jobs tick at the same moment; each in its own scope, as the hosted job runs.
        var applied = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ApplyDueAsync())));
        var againThisWeek = await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ApplyDueAsync());
        world.Clock.Advance(TimeSpan.FromDays(7));
        var nextWeek = await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ApplyDueAsync());

        Assert.Equal(1, applied.Sum());
        Assert.Equal((0, 1), (againThisWeek, nextWeek));
        var pairs = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<BuddyPair>().AsNoTracking().ToListAsync());
        Assert.Equal([(automatic, new DateOnly(2026, 11, 23)), (automatic, new DateOnly(2026, 11, 30))],
            pairs.OrderBy(p => p.Week).Select(p => (p.ProgramId, p.Week)));
        var buddyMails = await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .CountAsync(m => m.UserId == students[1].Id && m.Subject.StartsWith("Your buddy this week")));
        Assert.Equal(2, buddyMails);
    }

    [Fact]
    public async Task Confirming_again_in_the_same_week_keeps_the_buddies_and_mails_nobody_twice()
    {
        await using var world = await SchedulingScenario.CreateAsync();
        var (programId, students) = await ProgramAsync(world, "Twice", "Lea High", "Max Low");
        await ReviewAsync(world, programId, students[0], new DateOnly(2026, 11, 16), 9);
        await ReviewAsync(world, programId, students[1], new DateOnly(2026, 11, 16), 5);
        await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ConfirmAsync(programId));

        var again = await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ProposeAsync(programId));
        await world.App.RunAsync(s => s.GetRequiredService<AutomationService>().ConfirmAsync(programId));

        Assert.True(again!.PairedAlready);
        Assert.Empty(again.Pairs);
        Assert.Single(await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<BuddyPair>().AsNoTracking().ToListAsync()));
        Assert.Equal(1, await world.App.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking()
            .CountAsync(m => m.UserId == students[0].Id && m.Subject.StartsWith("Your buddy this week"))));
    }
}
