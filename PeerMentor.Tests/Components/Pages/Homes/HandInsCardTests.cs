using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;
using static PeerMentor.Tests.Components.Pages.Homes.HomeCardsTestData;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class HandInsCardTests : ComponentTest
{
    [Fact]
    public void Ungraded_work_shows_the_student_when_it_came_in_and_whether_it_was_late()
    {
        var handIn = new HandIn(Guid.NewGuid(), Guid.NewGuid(), "Essay", "Ann", Utc(2026, 3, 10, 9, 30), true);

        var cut = Render<HandInsCard>(p => p.Add(x => x.HandIns, [handIn]).Add(x => x.Total, 4).Add(x => x.TimeZoneId, Kolkata));

        Assert.Equal("4", cut.Find("[data-testid=count]").TextContent.Trim());
        var item = cut.Find("[data-testid=home-hand-in]");
        Assert.Contains("Ann · handed in Tue 10 Mar, 15:00 (late)", item.TextContent);
        Assert.Equal("mentor/assignments", item.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Without_ungraded_work_the_card_says_so()
    {
        var cut = Render<HandInsCard>(p => p.Add(x => x.HandIns, []).Add(x => x.TimeZoneId, Kolkata));

        Assert.Equal("No work is waiting for a grade.", cut.Find("[data-testid=empty]").TextContent);
    }
}
