using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Pages.Programs;

namespace PeerMentor.Tests.Components.Programs;

public class MentorEventsTests : SignedInComponentTest
{
    [Fact]
    public async Task A_masterclass_an_admin_created_for_the_mentors_program_is_listed_and_other_programs_events_are_not()
    {
        var app = await StartAppAsync();
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        var student = await app.CreateAsync(Roles.Student, "Sara Student");
        var other = await app.CreateAsync(Roles.Mentor, "Olga Other");
        var ours = await app.CreateProgramAsync("Masterclass cohort", assign: true, mentor, student);
        var theirs = await app.CreateProgramAsync("Other cohort", assign: false, other);
        await CreateEventAsync(app, admin, ours, "Debugging masterclass");
        await CreateEventAsync(app, admin, theirs, "Someone else's masterclass");
        await SignInAsync(mentor);

        var cut = Render<MentorEvents>();

        cut.WaitForAssertion(() => Assert.Equal(["Debugging masterclass"], cut.FindAll("[data-testid=program-event] a").Select(a => a.TextContent.Trim())));
        Assert.NotNull(cut.Find("[data-testid=no-events]"));
        Assert.DoesNotContain("Someone else's masterclass", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_form_opens_when_asked_for_and_not_before()
    {
        var app = await StartAppAsync();
        var mentor = await app.CreateAsync(Roles.Mentor, "Milo Mentor");
        await app.CreateProgramAsync("Masterclass cohort", assign: false, mentor);
        await SignInAsync(mentor);

        var cut = Render<MentorEvents>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-events]")));
        Assert.Empty(cut.FindAll("[data-testid=event-form]"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "New event").Click();

        cut.WaitForAssertion(() => Assert.Contains("Event title", cut.FindAll("label").Select(l => l.TextContent.Trim())));
    }

    private static Task CreateEventAsync(AppFactory app, TestUser admin, Guid programId, string title) => app.RunAsync(async s =>
    {
        var (result, _) = await s.GetRequiredService<ProgramEventService>().CreateAsync(admin.Id, isAdmin: true, programId,
            new EventInput(title, "", DateTime.UtcNow.AddDays(3), 60, null, null));
        if (!result.Succeeded) throw new InvalidOperationException(result.Summary);
    });
}
