using Bunit;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Pages.Scheduling.Booking;

namespace PeerMentor.Tests.Components.Scheduling.Booking;

public class SlotMonthTests : ComponentTest
{
    // Wednesday 10 June 2026, 08:00 UTC; a 40-day horizon reaches 20 July, so June and July can be booked.
    private static readonly DateTime Now = new(2026, 6, 10, 8, 0, 0, DateTimeKind.Utc);
    private static readonly BookingMonth June = BookingMonth.For(0, Now, "Europe/Berlin", 40);
    private static readonly BookingMonth July = BookingMonth.For(1, Now, "Europe/Berlin", 40);

    [Fact]
    public void Only_days_with_free_slots_can_be_chosen()
    {
        var cut = RenderMonth(June, new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 15));

        var open = cut.FindAll("button.slot-day:not([disabled])").Select(b => b.GetAttribute("data-row-action"));
        Assert.Equal(["2026-06-12", "2026-06-15"], open);
        Assert.Equal(30, cut.FindAll("button.slot-day").Count);
    }

    [Fact]
    public void Days_are_placed_under_their_weekday_starting_on_monday() =>
        // 1 June 2026 is a Monday: no blank cells before it.
        Assert.Equal("1", RenderMonth(June).FindAll(".slot-month-grid > *").Skip(7).First().TextContent);

    [Fact]
    public void Choosing_a_day_reports_that_day()
    {
        DateOnly? chosen = null;
        var cut = Render<SlotMonth>(p => p.Add(x => x.Month, June).Add(x => x.SlotDays, Days(new DateOnly(2026, 6, 12)))
            .Add(x => x.SelectedChanged, d => chosen = d));

        cut.Find("[data-row-action='2026-06-12']").ClickRowAction();

        Assert.Equal(new DateOnly(2026, 6, 12), chosen);
    }

    [Fact]
    public void The_selected_day_is_marked_as_pressed()
    {
        var cut = RenderMonth(June, new DateOnly(2026, 6, 12), new DateOnly(2026, 6, 15));

        cut.Render(p => p.Add(x => x.Selected, new DateOnly(2026, 6, 15)));

        Assert.Equal("2026-06-15", cut.Find("[aria-pressed=true]").GetAttribute("data-row-action"));
    }

    [Fact]
    public void The_next_month_asks_for_the_following_index()
    {
        int? asked = null;
        var cut = Render<SlotMonth>(p => p.Add(x => x.Month, June).Add(x => x.MonthChanged, i => asked = i));

        cut.Find("[aria-label='Next month']").Click();

        Assert.Equal(1, asked);
    }

    [Fact]
    public void The_first_month_cannot_go_back_and_the_horizon_month_cannot_go_further()
    {
        Assert.True(RenderMonth(June).Find("[aria-label='Previous month']").HasAttribute("disabled"));
        Assert.True(RenderMonth(July).Find("[aria-label='Next month']").HasAttribute("disabled"));
        Assert.False(RenderMonth(July).Find("[aria-label='Previous month']").HasAttribute("disabled"));
    }

    [Fact]
    public void The_title_names_the_month_shown() =>
        Assert.Equal("July 2026", RenderMonth(July).Find("[data-testid=month]").TextContent);

    private IRenderedComponent<SlotMonth> RenderMonth(BookingMonth month, params DateOnly[] slotDays) =>
        Render<SlotMonth>(p => p.Add(x => x.Month, month).Add(x => x.SlotDays, Days(slotDays)));

    private static HashSet<DateOnly> Days(params DateOnly[] days) => [.. days];
}
