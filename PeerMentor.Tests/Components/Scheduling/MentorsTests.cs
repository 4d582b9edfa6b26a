using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>The mentor list against a real app, signed in as a student.</summary>
public class MentorsTests : SignedInComponentTest
{
    [Fact]
    public async Task A_student_sees_their_own_mentor_first_and_marked_with_the_program()
    {
        var app = await StartAppAsync();
        await app.CreateAsync(Roles.Mentor, "Aaron Early");
        var own = await app.CreateAsync(Roles.Mentor, "Zoe Late");
        var student = await app.CreateAsync(Roles.Student, "Sam Student");
        await app.RunAsync(async s =>
        {
            var programs = s.GetRequiredService<ProgramService>();
            var id = (await programs.CreateAsync(new ProgramInput("Spring cohort", new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 1), 10))).Id!.Value;
            await programs.AddMemberAsync(id, own.Id, 10);
            await programs.AddMemberAsync(id, student.Id);
            await programs.AssignAsync(id);
        });
        await SignInAsync(student);

        var cut = Render<Mentors>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".mentor-name").Count));
        var names = cut.FindAll(".mentor-name").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal(["Zoe Late", "Aaron Early"], names);
        var tag = Assert.Single(cut.FindAll("[data-testid=your-mentor]"));
        Assert.Equal("Your mentor · Spring cohort", tag.TextContent.Trim());
        Assert.Contains("Zoe Late", tag.Closest("li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_without_a_mentor_sees_the_list_by_name_with_no_mark()
    {
        var app = await StartAppAsync();
        await app.CreateAsync(Roles.Mentor, "Zoe Late");
        await app.CreateAsync(Roles.Mentor, "Aaron Early");
        await SignInAsync(await app.CreateAsync(Roles.Student, "Sam Student"));

        var cut = Render<Mentors>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".mentor-name").Count));
        Assert.Equal(["Aaron Early", "Zoe Late"], cut.FindAll(".mentor-name").Select(n => n.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=your-mentor]"));
    }
}
