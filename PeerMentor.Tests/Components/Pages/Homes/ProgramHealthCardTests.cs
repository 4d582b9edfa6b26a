using Bunit;
using PeerMentor.Domain.Dashboards;
using PeerMentor.Web.Components.Pages.Homes;

namespace PeerMentor.Tests.Components.Pages.Homes;

public class ProgramHealthCardTests : ComponentTest
{
    private static readonly DateOnly Week = new(2026, 3, 9);

    [Fact]
    public void Each_program_links_to_its_page_with_its_people_gaps_and_reviews_this_week()
    {
        var program = new ProgramHealth(Guid.NewGuid(), "Spring", new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), 12, 1, 2, 1, 4, 10);

        var cut = Render<ProgramHealthCard>(p => p.Add(x => x.Programs, [program]).Add(x => x.Week, Week));

        var item = cut.Find("[data-testid=home-program]");
        Assert.Equal($"admin/programs/{program.Id}", item.QuerySelector("a")!.GetAttribute("href"));
        var health = string.Join(" | ", item.QuerySelector("[data-testid=health]")!.Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("12 students | 1 mentor | 2 unassigned | 1 on probation | 4/10 reviews", health);
    }

    [Fact]
    public void Without_programs_the_card_says_so_and_links_to_all_programs()
    {
        var cut = Render<ProgramHealthCard>(p => p.Add(x => x.Programs, []).Add(x => x.Week, Week));

        Assert.Equal("No programs running or coming up.", cut.Find("[data-testid=empty]").TextContent);
        Assert.NotNull(cut.Find("a[href='admin/programs']"));
    }
}
