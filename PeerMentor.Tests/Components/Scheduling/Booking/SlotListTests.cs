using Bunit;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Pages.Scheduling.Booking;

namespace PeerMentor.Tests.Components.Scheduling.Booking;

public class SlotListTests : ComponentTest
{
    // 09:30 and 11:00 UTC on Tuesday 9 June 2026.
    private static readonly Interval Early = new(new(2026, 6, 9, 9, 30, 0, DateTimeKind.Utc), new(2026, 6, 9, 10, 30, 0, DateTimeKind.Utc));
    private static readonly Interval Late = new(new(2026, 6, 9, 11, 0, 0, DateTimeKind.Utc), new(2026, 6, 9, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Times_are_labelled_in_the_chosen_zone() =>
        Assert.Equal(["15:00", "16:30"], Times(RenderList("Asia/Kolkata")));

    [Fact]
    public void Switching_the_zone_relabels_the_same_slots()
    {
        var cut = RenderList("Asia/Kolkata");

        cut.Render(p => p.Add(x => x.Zone, "America/New_York"));

        Assert.Equal(["05:30", "07:00"], Times(cut));
    }

    [Fact]
    public void Each_time_tells_the_mentors_own_time_too() =>
        Assert.Equal("11:30 for the mentor (Europe/Berlin)", RenderList("UTC").FindAll("button.slot")[0].GetAttribute("title"));

    [Fact]
    public void Pressing_a_time_calls_back_with_that_slot()
    {
        Interval? chosen = null;
        var cut = Render<SlotList>(p => p.Add(x => x.Day, new DateOnly(2026, 6, 9)).Add(x => x.Slots, [Early, Late])
            .Add(x => x.Zone, "UTC").Add(x => x.MentorZone, "Europe/Berlin").Add(x => x.OnChoose, s => chosen = s));

        cut.FindAll("button.slot")[1].ClickRowAction();

        Assert.Equal(Late, chosen);
    }

    [Fact]
    public void Without_a_day_it_says_there_is_nothing_free() =>
        Assert.Equal("Nothing free.", Render<SlotList>(p => p.Add(x => x.Zone, "UTC").Add(x => x.MentorZone, "UTC").Add(x => x.Empty, "Nothing free."))
            .Find("[data-testid=no-slots]").TextContent);

    private IRenderedComponent<SlotList> RenderList(string zone) =>
        Render<SlotList>(p => p.Add(x => x.Day, new DateOnly(2026, 6, 9)).Add(x => x.Slots, [Early, Late])
            .Add(x => x.Zone, zone).Add(x => x.MentorZone, "Europe/Berlin"));

    private static IEnumerable<string> Times(IRenderedComponent<SlotList> cut) => cut.FindAll("button.slot").Select(b => b.TextContent.Trim());
}
