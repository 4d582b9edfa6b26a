using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class ReviewCardTests : ComponentTest
{
    [Theory]
    [InlineData(7.5, 6.0, "Up 1.5 on the week before.")]
    [InlineData(5.0, 6.0, "Down 1.0 on the week before.")]
    [InlineData(6.0, 6.0, "The same as the week before.")]
    [InlineData(6.0, null, "No review the week before to compare with.")]
    public void The_latest_average_shows_how_it_moved_since_the_week_before(double average, double? previous, string expected)
    {
        var review = new ReviewSummary(new DateOnly(2026, 3, 9), "Spring", average, previous);

        var cut = Render<ReviewCard>(p => p.Add(x => x.Review, review));

        Assert.Equal(expected, cut.Find("[data-testid=change]").TextContent);
    }

    [Fact]
    public void Without_a_review_the_card_explains_that_reviews_come_weekly_and_links_to_reviews()
    {
        var cut = Render<ReviewCard>(p => p.Add(x => x.Review, null));

        Assert.Contains("your mentor reviews you each week", cut.Find("[data-testid=empty]").TextContent);
        Assert.NotNull(cut.Find("a[href=reviews]"));
    }
}
