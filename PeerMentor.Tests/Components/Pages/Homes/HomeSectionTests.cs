using Bunit;
using PeerMentor.Web.Components.Pages.Homes;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class HomeSectionTests : ComponentTest
{
    [Fact]
    public void An_empty_section_shows_its_friendly_text_instead_of_the_items()
    {
        var cut = Render<HomeSection>(p => p.Add(x => x.Title, "Things").Add(x => x.TestId, "things").Add(x => x.IsEmpty, true)
            .Add(x => x.EmptyText, "Nothing to do.").AddChildContent("<p class='item'>an item</p>"));

        Assert.Equal("Nothing to do.", cut.Find("[data-testid=empty]").TextContent);
        Assert.Empty(cut.FindAll(".item"));
    }

    [Fact]
    public void A_section_is_a_region_named_by_its_heading_with_a_count_and_a_link_to_its_page()
    {
        var cut = Render<HomeSection>(p => p.Add(x => x.Title, "Things").Add(x => x.TestId, "things").Add(x => x.Count, 3)
            .Add(x => x.Href, "things/all").Add(x => x.LinkText, "All things"));

        Assert.Equal("things-heading", cut.Find("section").GetAttribute("aria-labelledby"));
        Assert.Equal("Things", cut.Find("h2#things-heading").TextContent);
        Assert.Equal("3", cut.Find("[data-testid=count]").TextContent.Trim());
        Assert.Equal("All things", cut.Find("a[href='things/all']").TextContent.Trim());
    }
}
