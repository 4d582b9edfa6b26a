using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;
using static PeerMentor.Tests.Components.Pages.Homes.HomeCardsTestData;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class RequestsCardTests : ComponentTest
{
    private static readonly OpenRequest Request = new(Guid.NewGuid(), Utc(2026, 3, 11, 9, 30), Utc(2026, 3, 11, 10, 30), "Sam Student", Utc(2026, 3, 10, 12, 0), "Code review");

    [Fact]
    public void A_mentor_sees_how_many_requests_wait_and_a_link_to_accept_or_reject_each()
    {
        var cut = Render<RequestsCard>(p => p.Add(x => x.Requests, [Request]).Add(x => x.Total, 7).Add(x => x.TimeZoneId, Kolkata).Add(x => x.ForMentor, true));

        Assert.Equal("7", cut.Find("[data-testid=count]").TextContent.Trim());
        var item = cut.Find("[data-testid=home-request]");
        Assert.Contains("from Sam Student", item.TextContent);
        Assert.Equal($"sessions/{Request.Id}", item.QuerySelector("a:last-child")!.GetAttribute("href"));
        Assert.Contains("Accept or reject", item.TextContent);
    }

    [Fact]
    public void A_student_sees_that_the_request_waits_for_the_mentor_and_by_when()
    {
        var cut = Render<RequestsCard>(p => p.Add(x => x.Requests, [Request]).Add(x => x.TimeZoneId, Kolkata));

        var item = cut.Find("[data-testid=home-request]");
        Assert.Contains("waiting for the mentor · answer by Tue 10 Mar, 17:30", item.TextContent);
        Assert.DoesNotContain("Accept", item.TextContent);
    }

    [Fact]
    public void No_requests_shows_the_empty_text()
    {
        var cut = Render<RequestsCard>(p => p.Add(x => x.Requests, []).Add(x => x.TimeZoneId, Kolkata).Add(x => x.ForMentor, true));

        Assert.Equal("No requests are waiting for you.", cut.Find("[data-testid=empty]").TextContent);
    }
}
