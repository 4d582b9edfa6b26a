using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

/// <summary>The booking page against a real app, signed in as a student.</summary>
public class MentorSlotsTests : SignedInComponentTest
{
    [Fact]
    public async Task A_student_going_faster_than_the_page_allows_is_told_to_wait_and_keeps_the_page()
    {
        // One action a minute: opening the mentor takes it, so loading the free times is refused.
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?>
        {
            ["Auth:PageActionBurst"] = "1", ["Auth:PageActionsPerMinute"] = "1",
        });
        await StartAppAsync(app);
        var mentor = await app.CreateAsync(Roles.Mentor, "Mara Mentor");
        await app.RunAsync(s => s.GetRequiredService<AvailabilityService>().SaveAsync(mentor.Id, new AvailabilitySettings([60], 0, 0, 60, 14, false, null),
            Enum.GetValues<DayOfWeek>().Select(d => new WeeklyRange(d, 0, 1440)).ToArray()));
        await SignInAsync(await app.CreateAsync(Roles.Student));

        var cut = Render<MentorSlots>(p => p.Add(x => x.Id, mentor.Id));

        cut.WaitForAssertion(() => Assert.Contains(PageGuard.TooManyActions, cut.Find("[data-testid=slot-taken]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Book a session with Mara Mentor", cut.Find("h1").TextContent);
    }
}
