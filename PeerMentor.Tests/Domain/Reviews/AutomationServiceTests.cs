using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
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
}
