using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;
using static PeerMentor.Tests.Components.Pages.Homes.HomeCardsTestData;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class SessionsCardTests : ComponentTest
{
    private static readonly Guid Id = Guid.NewGuid();

    [Fact]
    public void A_session_shows_its_time_in_the_viewers_zone_the_other_person_and_the_join_link()
    {
        var session = new UpcomingSession(Id, Utc(2026, 3, 10, 9, 30), Utc(2026, 3, 10, 10, 30), "Mara Mentor", "https://meet.example.com/abc");

        var cut = Render<SessionsCard>(p => p.Add(x => x.Sessions, [session]).Add(x => x.TimeZoneId, Kolkata));

        var item = cut.Find("[data-testid=home-session]");
        Assert.Contains("Tue 10 Mar 2026, 15:00–16:00 (UTC+05:30)", item.TextContent);
        Assert.Contains("with Mara Mentor", item.TextContent);
        Assert.Equal([$"sessions/{Id}", "https://meet.example.com/abc"], Hrefs(item));
    }

    [Fact]
    public void No_sessions_shows_the_empty_text_and_still_links_to_all_sessions()
    {
        var cut = Render<SessionsCard>(p => p.Add(x => x.Sessions, []).Add(x => x.TimeZoneId, Kolkata).Add(x => x.EmptyText, "No sessions today."));

        Assert.Equal("No sessions today.", cut.Find("[data-testid=empty]").TextContent);
        Assert.NotNull(cut.Find("a[href=sessions]"));
    }
}
