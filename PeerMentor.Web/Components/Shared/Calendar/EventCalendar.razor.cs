using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Shared.Calendar;

/// <summary>
/// Day, week, month and agenda views of entries given to it, in the viewer's zone. It reads nothing itself:
/// the page loads the entries. Phones open on the agenda; the focused day moves with the arrow keys.
/// </summary>
public partial class EventCalendar
{
    public const string PhoneQuery = "(max-width: 599px)";
    private const int AgendaDays = 28;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IBrowserViewportService Viewport { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<CalendarEntry> Items { get; set; } = [];

    /// <summary>The viewer's IANA zone: every time and every day boundary is in it.</summary>
    [Parameter, EditorRequired] public string TimeZone { get; set; } = "UTC";

    /// <summary>The day to open at; today when empty.</summary>
    [Parameter] public DateOnly? Date { get; set; }

    /// <summary>The view to open with; when empty, the agenda on phones and the week elsewhere.</summary>
    [Parameter] public CalendarView? View { get; set; }

    [Parameter] public string? Class { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? UserAttributes { get; set; }

    private static readonly CalendarView[] Views = Enum.GetValues<CalendarView>();
    private static readonly MarkupString ChevronLeft = MudMarkup.Icon(Icons.Material.Filled.ChevronLeft);
    private static readonly MarkupString ChevronRight = MudMarkup.Icon(Icons.Material.Filled.ChevronRight);

    // Static parts as one shared string each rather than a frame per element in every open calendar's render tree.
    private static readonly MarkupString Legend = new(
        "<ul class=\"cal-legend\" aria-label=\"Legend\">" + string.Concat(Enum.GetValues<CalendarEntryKind>().Select(kind =>
            $"<li><span class=\"cal-swatch {KindClass(kind)}\" aria-hidden=\"true\"></span>{CalendarEntry.LabelOf(kind)}</li>")) + "</ul>");
    private static readonly ConcurrentDictionary<(int, int), MarkupString> HourColumns = new();

    private readonly Dictionary<DateOnly, ElementReference> dayCells = [];
    private List<Placed> entries = [];
    private CalendarView? view;
    private DateOnly focusedDay;
    private bool moveFocus;

    private DateTime Now => LocalTimes.ToLocal(Clock.GetUtcNow().UtcDateTime, TimeZone);
    private DateOnly Today => DateOnly.FromDateTime(Now);

    protected override void OnInitialized()
    {
        focusedDay = Date ?? Today;
        view = View;
    }

    protected override void OnParametersSet() =>
        entries = Items.Select(i => new Placed(i, LocalTimes.ToLocal(i.StartUtc, TimeZone), LocalTimes.ToLocal(i.EndUtc, TimeZone)))
            .OrderBy(e => e.Start).ThenBy(e => e.End).ToList();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && view is null)
        {
            view = await Viewport.IsMediaQueryMatchAsync(PhoneQuery) ? CalendarView.Agenda : CalendarView.Week;
            StateHasChanged();
        }
        else if (moveFocus && dayCells.TryGetValue(focusedDay, out var cell))
        {
            moveFocus = false;
            await cell.FocusAsync();
        }
    }

    private (DateOnly First, DateOnly Last) Range => view switch
    {
        CalendarView.Day => (focusedDay, focusedDay),
        CalendarView.Month => (StartOfWeek(new DateOnly(focusedDay.Year, focusedDay.Month, 1)),
            StartOfWeek(new DateOnly(focusedDay.Year, focusedDay.Month, 1).AddMonths(1).AddDays(-1)).AddDays(6)),
        CalendarView.Agenda => (focusedDay, focusedDay.AddDays(AgendaDays - 1)),
        _ => (StartOfWeek(focusedDay), StartOfWeek(focusedDay).AddDays(6)),
    };

    private IEnumerable<DateOnly> Days
    {
        get
        {
            var (first, last) = Range;
            for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
        }
    }

    private string Title
    {
        get
        {
            var (first, last) = Range;
            return view switch
            {
                CalendarView.Day => first.ToString("dddd d MMMM yyyy", English),
                CalendarView.Month => focusedDay.ToString("MMMM yyyy", English),
                _ when first.Month == last.Month => $"{first.Day} – {last.ToString("d MMM yyyy", English)}",
                _ => $"{first.ToString("d MMM", English)} – {last.ToString("d MMM yyyy", English)}",
            };
        }
    }

    private string PeriodName => view switch
    {
        CalendarView.Day => "day",
        CalendarView.Month => "month",
        CalendarView.Agenda => "four weeks",
        _ => "week",
    };

    private void Step(int direction) => focusedDay = view switch
    {
        CalendarView.Day => focusedDay.AddDays(direction),
        CalendarView.Month => focusedDay.AddMonths(direction),
        CalendarView.Agenda => focusedDay.AddDays(direction * AgendaDays),
        _ => focusedDay.AddDays(direction * 7),
    };

    private void GoToday() => focusedDay = Today;

    private void Show(CalendarView next) => view = next;

    private void FocusDay(DateOnly day)
    {
        focusedDay = day;
        moveFocus = true;
    }

    private void OpenDay(DateOnly day)
    {
        focusedDay = day;
        view = CalendarView.Day;
        moveFocus = true;
    }

    /// <summary>Arrows move a day or a week, Home/End to the week's ends, Page Up/Down a month; Enter opens the day.</summary>
    private void OnDayKey(KeyboardEventArgs e, DateOnly day)
    {
        switch (e.Key)
        {
            case "ArrowLeft": FocusDay(day.AddDays(-1)); break;
            case "ArrowRight": FocusDay(day.AddDays(1)); break;
            case "ArrowUp": FocusDay(day.AddDays(-7)); break;
            case "ArrowDown": FocusDay(day.AddDays(7)); break;
            case "Home": FocusDay(StartOfWeek(day)); break;
            case "End": FocusDay(StartOfWeek(day).AddDays(6)); break;
            case "PageUp": FocusDay(day.AddMonths(-1)); break;
            case "PageDown": FocusDay(day.AddMonths(1)); break;
            case "Enter" or " ": OpenDay(day); break;
        }
    }

    private IEnumerable<Placed> On(DateOnly day) => entries.Where(e => DateOnly.FromDateTime(e.Start) == day);

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The hours the time grid shows: 07–21, widened to fit everything in range.</summary>
    private (int From, int To) Hours
    {
        get
        {
            var (first, last) = Range;
            var shown = entries.Where(e => DateOnly.FromDateTime(e.Start) >= first && DateOnly.FromDateTime(e.Start) <= last).ToList();
            var from = Math.Min(7, shown.Count == 0 ? 7 : shown.Min(e => e.Start.Hour));
            var to = Math.Max(21, shown.Count == 0 ? 21 : shown.Max(e => EndHour(e)));
            return (from, to);
        }
    }

    private static int EndHour(Placed e) =>
        DateOnly.FromDateTime(e.End) > DateOnly.FromDateTime(e.Start) ? 24 : e.End.Minute > 0 ? e.End.Hour + 1 : e.End.Hour;

    private string Position(Placed e, (int From, int To) hours, (int Lane, int Lanes) lane)
    {
        var span = (hours.To - hours.From) * 60.0;
        var start = e.Start.TimeOfDay.TotalMinutes - hours.From * 60;
        var end = DateOnly.FromDateTime(e.End) > DateOnly.FromDateTime(e.Start) ? hours.To * 60.0 - hours.From * 60 : e.End.TimeOfDay.TotalMinutes - hours.From * 60;
        var top = start / span * 100;
        var height = Math.Max(end - start, 20) / span * 100;
        var width = 100.0 / lane.Lanes;
        return string.Create(CultureInfo.InvariantCulture,
            $"top:{top:0.##}%;height:{height:0.##}%;left:{lane.Lane * width:0.##}%;width:{width:0.##}%");
    }

    private string? NowLineStyle((int From, int To) hours)
    {
        var minutes = Now.TimeOfDay.TotalMinutes - hours.From * 60;
        var span = (hours.To - hours.From) * 60.0;
        return minutes < 0 || minutes > span ? null : string.Create(CultureInfo.InvariantCulture, $"top:{minutes / span * 100:0.##}%");
    }

    /// <summary>Side by side when they overlap: each entry gets a lane within its group of overlapping entries.</summary>
    private static List<(Placed Entry, int Lane, int Lanes)> Lanes(IEnumerable<Placed> day)
    {
        var result = new List<(Placed, int, int)>();
        var group = new List<(Placed Entry, int Lane)>();
        var laneEnds = new List<DateTime>();
        void Flush()
        {
            result.AddRange(group.Select(g => (g.Entry, g.Lane, laneEnds.Count)));
            group.Clear();
            laneEnds.Clear();
        }
        foreach (var e in day)
        {
            if (laneEnds.Count > 0 && laneEnds.All(end => end <= e.Start)) Flush();
            var lane = laneEnds.FindIndex(end => end <= e.Start);
            if (lane < 0) { lane = laneEnds.Count; laneEnds.Add(e.End); }
            else laneEnds[lane] = e.End;
            group.Add((e, lane));
        }
        Flush();
        return result;
    }

    private string TimeText(Placed e) =>
        $"{e.Start.ToString("HH:mm", English)}–{e.End.ToString("HH:mm", English)}";

    // Items and day headers are named by their own text plus visually hidden details, so the name always starts
    // with what is on screen (people using speech input say what they see; axe's label-content-name-mismatch).
    private static string DateText(Placed e) => e.Start.ToString("dddd d MMMM", English);

    private string DayName(DateOnly day) => $"{day.ToString("dddd d MMMM yyyy", English)}{DayItems(day)}";

    /// <summary>What a week's day header adds to its visible "Mon 30": " November 2026, today, 1 item".</summary>
    private string DayDetails(DateOnly day) => $" {day.ToString("MMMM yyyy", English)}{DayItems(day)}";

    private string DayItems(DateOnly day)
    {
        var count = On(day).Count();
        var items = count switch { 0 => "nothing planned", 1 => "1 item", _ => $"{count} items" };
        return $"{(day == Today ? ", today" : "")}, {items}";
    }

    private static MarkupString HourLabels((int From, int To) hours) => HourColumns.GetOrAdd(hours, h => new MarkupString(
        "<div class=\"cal-hours\" aria-hidden=\"true\">" + string.Concat(Enumerable.Range(h.Item1, h.Item2 - h.Item1).Select(hour =>
            $"<div class=\"cal-hour\">{hour:00}:00</div>")) + "</div>"));

    private static string KindClass(CalendarEntryKind kind) => $"kind-{kind.ToString().ToLowerInvariant()}";

    private string Classes => $"pm-calendar {Class}".TrimEnd();

    private sealed record Placed(CalendarEntry Entry, DateTime Start, DateTime End);
}
