using Bunit;
using MudBlazor;
using PeerMentor.Web.Components.Pages.Scheduling;

namespace PeerMentor.Tests.Components.Scheduling;

public class WeeklyEditorTests : ComponentTest
{
    private IRenderedComponent<WeeklyEditor> RenderEditor(AvailabilityModel model)
    {
        Render<MudPopoverProvider>();
        return Render<WeeklyEditor>(p => p.Add(e => e.Model, model));
    }

    private static AvailabilityModel Monday(params (int From, int Until)[] hours)
    {
        var model = new AvailabilityModel();
        model.Weekly.AddRange(hours.Select(h => new RangeRow { Day = DayOfWeek.Monday, Start = new TimeOnly(h.From, 0), End = new TimeOnly(h.Until, 0) }));
        return model;
    }

    private static void Click(IRenderedComponent<WeeklyEditor> cut, string label) => cut.Find($"button[aria-label=\"{label}\"]").Click();

    private static void Open(IRenderedComponent<WeeklyEditor> cut, DayOfWeek day) => Click(cut, $"Change hours on {day}");

    [Fact]
    public void A_day_without_hours_says_it_is_unavailable()
    {
        var cut = RenderEditor(new AvailabilityModel());

        Assert.Contains("Unavailable", cut.Find("[data-day=Saturday]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_hours_to_a_free_day_offers_nine_to_five()
    {
        var model = new AvailabilityModel();
        var cut = RenderEditor(model);

        Click(cut, "Add hours on Saturday");

        var added = Assert.Single(model.Weekly);
        Assert.Equal((DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(17, 0)), (added.Day, added.Start, added.End));
        Assert.Equal("09:00", cut.Find("input[aria-label='Saturday from']").GetAttribute("value"));
    }

    [Fact]
    public void A_second_range_starts_where_the_days_last_one_ends()
    {
        var model = Monday((9, 12));
        var cut = RenderEditor(model);
        Open(cut, DayOfWeek.Monday);

        Click(cut, "Add hours on Monday");

        Assert.Equal(new TimeOnly(12, 0), model.Weekly[1].Start);
    }

    [Fact]
    public void Removing_the_only_range_leaves_the_day_unavailable()
    {
        var model = Monday((9, 12));
        var cut = RenderEditor(model);
        Open(cut, DayOfWeek.Monday);

        Click(cut, "Remove Monday 09:00 range");

        Assert.Empty(model.Weekly);
        Assert.Contains("Unavailable", cut.Find("[data-day=Monday]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_times_change_the_range()
    {
        var model = Monday((9, 12));
        var cut = RenderEditor(model);
        Open(cut, DayOfWeek.Monday);

        cut.Find("input[aria-label='Monday until']").Change("13:30");

        Assert.Equal(new TimeOnly(13, 30), model.Weekly[0].End);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_marked_next_to_it()
    {
        var cut = RenderEditor(Monday((9, 12)));
        Open(cut, DayOfWeek.Monday);

        cut.Find("input[aria-label='Monday until']").Change("08:00");

        Assert.Equal("Ends before it starts.", cut.Find("[data-day=Monday] [role=alert]").TextContent);
    }

    [Fact]
    public void Overlapping_ranges_are_both_marked()
    {
        var cut = RenderEditor(Monday((9, 12), (11, 14)));

        Assert.Equal(2, cut.FindAll("[data-day=Monday] [role=alert]").Count(a => a.TextContent.Contains("overlaps", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Ranges_that_only_touch_are_fine()
    {
        var cut = RenderEditor(Monday((9, 12), (12, 14)));

        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void Midnight_as_an_end_means_the_end_of_the_day()
    {
        var cut = RenderEditor(Monday((20, 0)));

        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void Copying_monday_gives_tuesday_to_friday_the_same_hours()
    {
        var model = Monday((9, 12), (13, 17));
        model.Weekly.Add(new RangeRow { Day = DayOfWeek.Wednesday, Start = new TimeOnly(6, 0), End = new TimeOnly(7, 0) });
        var cut = RenderEditor(model);
        Open(cut, DayOfWeek.Monday);

        Click(cut, "Copy Monday's hours to Tuesday to Friday");

        foreach (var day in new[] { DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            Assert.Equal([(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 0))],
                model.Weekly.Where(r => r.Day == day).Select(r => (r.Start!.Value, r.End!.Value)));
        Assert.DoesNotContain(model.Weekly, r => r.Day == DayOfWeek.Saturday);
    }

    [Fact]
    public void A_day_shows_its_hours_as_text_until_it_is_opened()
    {
        var cut = RenderEditor(Monday((9, 12), (13, 17)));

        Assert.Contains("09:00–12:00, 13:00–17:00", cut.Find("[data-day=Monday]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("input"));
        Assert.Equal("false", cut.Find("button[aria-label='Change hours on Monday']").GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("button[aria-label='Add hours on Monday']"));
    }

    [Fact]
    public void Opening_a_day_shows_its_times_and_closing_it_shows_the_changed_hours()
    {
        var cut = RenderEditor(Monday((9, 12)));

        Open(cut, DayOfWeek.Monday);
        Assert.Equal("true", cut.Find("button[aria-label='Change hours on Monday']").GetAttribute("aria-expanded"));
        cut.Find("input[aria-label='Monday until']").Change("13:30");
        Open(cut, DayOfWeek.Monday);

        Assert.Empty(cut.FindAll("input"));
        Assert.Contains("09:00–13:30", cut.Find("[data-day=Monday]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_with_a_problem_stays_open_until_it_is_fixed()
    {
        var cut = RenderEditor(Monday((9, 12)));
        Open(cut, DayOfWeek.Monday);

        cut.Find("input[aria-label='Monday until']").Change("08:00");
        Assert.True(cut.Find("button[aria-label='Change hours on Monday']").HasAttribute("disabled"));
        cut.Find("input[aria-label='Monday until']").Change("10:00");
        Open(cut, DayOfWeek.Monday);

        Assert.Empty(cut.FindAll("input"));
    }

    [Fact]
    public void Hours_until_midnight_read_24_00_on_a_closed_day()
    {
        var cut = RenderEditor(Monday((20, 0)));

        Assert.Contains("20:00–24:00", cut.Find("[data-day=Monday]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copied_week_shows_monday_s_hours_on_each_weekday()
    {
        var cut = RenderEditor(Monday((9, 12)));
        Open(cut, DayOfWeek.Monday);

        Click(cut, "Copy Monday's hours to Tuesday to Friday");

        Assert.Contains("09:00–12:00", cut.Find("[data-day=Friday]").TextContent, StringComparison.Ordinal);
    }
}
