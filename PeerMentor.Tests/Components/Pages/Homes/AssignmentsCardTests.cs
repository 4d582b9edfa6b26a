using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;
using static PeerMentor.Tests.Components.Pages.Homes.HomeCardsTestData;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class AssignmentsCardTests : ComponentTest
{
    [Fact]
    public void Each_assignment_says_whether_it_is_late_to_do_or_handed_in()
    {
        DueAssignment[] assignments =
        [
            new(Guid.NewGuid(), "Reading notes", Utc(2026, 3, 9, 12), null, false, null),
            new(Guid.NewGuid(), "Project plan", Utc(2026, 3, 12, 12), null, false, null),
            new(Guid.NewGuid(), "Essay", Utc(2026, 3, 13, 12), Utc(2026, 3, 10, 8), false, 85),
        ];

        var cut = Render<AssignmentsCard>(p => p.Add(x => x.Assignments, assignments).Add(x => x.TimeZoneId, Kolkata).Add(x => x.NowUtc, Now));

        Assert.Equal(["Late: not handed in", "To do", "Handed in · graded 85/100"], cut.FindAll("[data-testid=state]").Select(s => s.TextContent.Trim()));
        Assert.Contains("Due Mon 9 Mar, 17:30", cut.Find("[data-testid=home-assignment]").TextContent);
    }

    [Fact]
    public void No_assignments_shows_the_empty_text_and_links_to_the_assignments_page()
    {
        var cut = Render<AssignmentsCard>(p => p.Add(x => x.Assignments, []).Add(x => x.TimeZoneId, Kolkata).Add(x => x.NowUtc, Now));

        Assert.Equal("Nothing to hand in right now.", cut.Find("[data-testid=empty]").TextContent);
        Assert.NotNull(cut.Find("a[href=assignments]"));
    }
}
