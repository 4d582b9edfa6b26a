using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Components.Shared.Calendar;

namespace PeerMentor.Tests.Components.Shared.Calendar;

public class EventCalendarTests : ComponentTest
{
    // 09:30 UTC is 15:00 on Tuesday 10 March 2026 in Kolkata (UTC+05:30).
    private const string Zone = "Asia/Kolkata";
    private static readonly DateOnly Tuesday = new(2026, 3, 10);

    private static readonly CalendarEntry Session = new(Guid.NewGuid(), "Mara Mentor",
        Utc(2026, 3, 10, 4, 30), Utc(2026, 3, 10, 5, 30), CalendarEntryKind.Session, "sessions/1");
    private static readonly CalendarEntry LateMasterclass = new(Guid.NewGuid(), "Debugging masterclass",
        Utc(2026, 3, 10, 20, 0), Utc(2026, 3, 10, 21, 0), CalendarEntryKind.Masterclass, "events/2");
    private static readonly CalendarEntry Request = new(Guid.NewGuid(), "Sam Student",
        Utc(2026, 3, 12, 6, 30), Utc(2026, 3, 12, 7, 30), CalendarEntryKind.Request, "sessions/3");

    public EventCalendarTests() =>
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Items_are_shown_in_the_viewers_zone_on_the_viewers_day()
    {
        var cut = RenderCalendar(CalendarView.Week);

        var masterclass = Item(cut, "Debugging masterclass");
        Assert.Equal("01:30–02:30 Debugging masterclass, Masterclass, Wednesday 11 March", Name(masterclass));
        Assert.Equal(1, Column(cut, masterclass));
        Assert.Equal(0, Column(cut, Item(cut, "Mara Mentor")));
    }

    [Fact]
    public void Every_item_links_to_its_own_page_and_says_what_kind_it_is()
    {
        var cut = RenderCalendar(CalendarView.Week);

        var request = Item(cut, "Sam Student");

        Assert.Equal("sessions/3", request.GetAttribute("href"));
        Assert.Contains("Sam Student, Requested session,", Name(request), StringComparison.Ordinal);
        Assert.Contains("kind-request", request.ClassList);
    }

    [Fact]
    public void Without_a_chosen_view_a_phone_opens_on_the_agenda()
    {
        JSInterop.Setup<bool>(i => i.Arguments.Contains(EventCalendar.PhoneQuery)).SetResult(true);

        var cut = RenderCalendar(view: null);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".cal-agenda")));
        Assert.Equal("Agenda", cut.Find("[aria-pressed=true]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_chosen_view_a_wide_screen_opens_on_the_week()
    {
        JSInterop.Setup<bool>(i => i.Arguments.Contains(EventCalendar.PhoneQuery)).SetResult(false);

        var cut = RenderCalendar(view: null);

        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll(".cal-dayhead").Count));
        Assert.Equal("9 – 15 Mar 2026", cut.Find(".cal-title").TextContent);
    }

    [Fact]
    public void The_view_buttons_switch_between_day_week_month_and_agenda()
    {
        var cut = RenderCalendar(CalendarView.Week);

        ViewButton(cut, "Month").Click();
        Assert.Equal(6, cut.FindAll(".cal-month .cal-week").Count);
        ViewButton(cut, "Day").Click();
        Assert.Equal("Tuesday 10 March 2026", cut.Find(".cal-title").TextContent);
        ViewButton(cut, "Agenda").Click();
        Assert.Equal(["Tuesday 10 March · Today", "Wednesday 11 March", "Thursday 12 March"], cut.FindAll(".cal-agenda h3").Select(h => h.TextContent));
        Assert.Equal("true", ViewButton(cut, "Agenda").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void The_now_line_sits_at_the_current_time_on_today()
    {
        var cut = RenderCalendar(CalendarView.Week);

        var now = cut.Find("[data-testid=now-line]");

        // The grid widens from 07:00 to 01:00 for the 01:30 masterclass, so 15:00 is 14 of its 20 hours down.
        Assert.Equal("top:70%", now.GetAttribute("style"));
        Assert.Equal("Now, 15:00", now.GetAttribute("aria-label"));
        Assert.Contains("today", now.ParentElement!.ClassList);
    }

    [Fact]
    public void A_week_without_today_has_no_now_line()
    {
        var cut = RenderCalendar(CalendarView.Week, Tuesday.AddDays(7));

        Assert.Empty(cut.FindAll("[data-testid=now-line]"));
    }

    [Fact]
    public void The_agenda_puts_now_between_what_is_over_and_what_is_coming()
    {
        var cut = RenderCalendar(CalendarView.Agenda);

        var today = cut.FindAll(".cal-agenda-day")[0].QuerySelectorAll("li").Select(li => li.TextContent.Trim().Split('\n')[0].Trim());

        Assert.Equal(["10:00–11:00", "Now · 15:00"], today);
    }

    [Fact]
    public void Arrow_keys_move_the_focused_day_and_the_focus_with_it()
    {
        var cut = RenderCalendar(CalendarView.Month);

        Day(cut, Tuesday).KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Day(cut, Tuesday.AddDays(1)).KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        Assert.Equal("0", Day(cut, Tuesday.AddDays(8)).GetAttribute("tabindex"));
        Assert.Equal("-1", Day(cut, Tuesday).GetAttribute("tabindex"));
        Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Enter_opens_the_focused_day()
    {
        var cut = RenderCalendar(CalendarView.Month);

        Day(cut, Tuesday.AddDays(2)).KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Thursday 12 March 2026", cut.Find(".cal-title").TextContent);
        Assert.Equal("Sam Student", Assert.Single(cut.FindAll(".calendar-item .cal-item-title")).TextContent);
    }

    [Fact]
    public void Previous_and_next_are_named_for_the_period_they_move()
    {
        var cut = RenderCalendar(CalendarView.Month);

        cut.Find("button[aria-label='Next month']").Click();

        Assert.Equal("April 2026", cut.Find(".cal-title").TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Previous month']"));
    }

    private IRenderedComponent<EventCalendar> RenderCalendar(CalendarView? view, DateOnly? date = null) =>
        Render<EventCalendar>(p => p
            .Add(x => x.Items, [Session, LateMasterclass, Request])
            .Add(x => x.TimeZone, Zone)
            .Add(x => x.Date, date ?? Tuesday)
            .Add(x => x.View, view));

    private static AngleSharp.Dom.IElement Item(IRenderedComponent<EventCalendar> cut, string title) =>
        cut.FindAll(".calendar-item").Single(a => a.TextContent.Contains(title, StringComparison.Ordinal));

    /// <summary>Which day column (0 = the focused Tuesday) of the week grid holds the element.</summary>
    /// <summary>A link's accessible name: its text, visually hidden parts included, as a screen reader reads it.</summary>
    private static string Name(AngleSharp.Dom.IElement link) =>
        string.Join(' ', link.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal);

    private static int Column(IRenderedComponent<EventCalendar> cut, AngleSharp.Dom.IElement item) =>
        cut.FindAll(".cal-column").ToList().FindIndex(c => c == item.ParentElement) - 1;

    private static AngleSharp.Dom.IElement ViewButton(IRenderedComponent<EventCalendar> cut, string name) =>
        cut.FindAll(".cal-views button").Single(b => b.TextContent.Trim() == name);

    private static AngleSharp.Dom.IElement Day(IRenderedComponent<EventCalendar> cut, DateOnly day) =>
        cut.Find($"[data-day='{day:yyyy-MM-dd}']");

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
