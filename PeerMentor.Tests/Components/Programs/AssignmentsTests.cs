using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

/// <summary>The student's assignments against a real app: long instructions show their start until asked for.</summary>
public class AssignmentsTests : SignedInComponentTest
{
    private static readonly string LongInstructions =
        string.Join(' ', Enumerable.Repeat("Write down what each test proves and why it would fail without the code it tests.", 30));

    [Fact]
    public async Task Long_instructions_show_their_start_until_the_student_asks_for_all_of_them()
    {
        await StartAsync();
        var cut = Render<Assignments>();

        var start = cut.WaitForElement("[data-title='Testing essay'] [data-testid=instructions]").TextContent;
        Assert.EndsWith("…", start);
        Assert.InRange(start.Length, Assignments.InstructionsShown / 2, Assignments.InstructionsShown + 1);
        Assert.StartsWith(start[..^1], LongInstructions);

        cut.Find("button[aria-label='Show all instructions of Testing essay']").Click();

        cut.WaitForAssertion(() => Assert.Equal(LongInstructions, Instructions(cut, "Testing essay")));
        var less = cut.Find("button[aria-label='Show less of Testing essay']");
        Assert.Equal("true", less.GetAttribute("aria-expanded"));

        less.Click();

        cut.WaitForAssertion(() => Assert.Equal(start, Instructions(cut, "Testing essay")));
    }

    [Fact]
    public async Task Short_instructions_show_whole_with_nothing_to_expand()
    {
        await StartAsync();
        var cut = Render<Assignments>();

        cut.WaitForAssertion(() => Assert.Equal("Read chapter 3.", Instructions(cut, "Reading list")));
        Assert.Empty(cut.FindAll("[data-title='Reading list'] button[aria-expanded]"));
    }

    private static string Instructions(IRenderedComponent<Assignments> cut, string title) =>
        cut.Find($"[data-title='{title}'] [data-testid=instructions]").TextContent;

    private async Task StartAsync()
    {
        await StartAppAsync();
        var mentor = await App.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await App.CreateAsync(Roles.Student, "Sara Student");
        var programId = await App.CreateProgramAsync("Reading cohort", assign: true, mentor, student);
        await App.RunAsync(async s =>
        {
            var assignments = s.GetRequiredService<AssignmentService>();
            Assert.True((await assignments.PostAsync(mentor.Id, false, programId, new AssignmentInput("Testing essay", LongInstructions, DateTime.UtcNow.AddDays(3)))).Result.Succeeded);
            Assert.True((await assignments.PostAsync(mentor.Id, false, programId, new AssignmentInput("Reading list", "Read chapter 3.", DateTime.UtcNow.AddDays(5)))).Result.Succeeded);
        });
        await SignInAsync(student);
    }
}
