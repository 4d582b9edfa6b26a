using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class ReviewsDueCardTests : ComponentTest
{
    private static readonly DateOnly Week = new(2026, 3, 9);

    [Fact]
    public void Students_still_to_review_are_counted_and_listed_with_their_program()
    {
        StudentToReview[] students = [new(Guid.NewGuid(), "Spring", "s1", "Ann"), new(Guid.NewGuid(), "Spring", "s2", "Bob")];

        var cut = Render<ReviewsDueCard>(p => p.Add(x => x.Students, students).Add(x => x.Week, Week));

        Assert.Equal("2", cut.Find("[data-testid=count]").TextContent.Trim());
        Assert.Equal(["Ann Spring", "Bob Spring"], cut.FindAll("[data-testid=home-review-due]").Select(li => li.TextContent.Trim()));
        Assert.All(cut.FindAll("[data-testid=home-review-due] a"), a => Assert.Equal("mentor/reviews", a.GetAttribute("href")));
    }

    [Fact]
    public void With_everyone_reviewed_the_card_says_so()
    {
        var cut = Render<ReviewsDueCard>(p => p.Add(x => x.Students, []).Add(x => x.Week, Week));

        Assert.Equal("Every student in your group is reviewed for this week.", cut.Find("[data-testid=empty]").TextContent);
    }
}
