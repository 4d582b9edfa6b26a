using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Scheduling.Booking;

public partial class SlotMonth
{
    private const string DayKey = "yyyy-MM-dd";
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly string WeekdayRow = string.Concat(
        new[] { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" }.Select(name => $"<span class=\"slot-weekday\" aria-hidden=\"true\">{name}</span>"));
    private static readonly MarkupString ChevronLeft = MudMarkup.Icon(Icons.Material.Filled.ChevronLeft);
    private static readonly MarkupString ChevronRight = MudMarkup.Icon(Icons.Material.Filled.ChevronRight);

    /// <summary>The month shown, already cut to today and the mentor's horizon.</summary>
    [Parameter, EditorRequired] public BookingMonth Month { get; set; } = default!;

    /// <summary>The local days (in the zone the times are shown in) that have at least one free slot.</summary>
    [Parameter] public IReadOnlySet<DateOnly> SlotDays { get; set; } = new HashSet<DateOnly>();

    [Parameter] public DateOnly? Selected { get; set; }
    [Parameter] public EventCallback<DateOnly> SelectedChanged { get; set; }

    /// <summary>Asks for the month at this index; the page loads its slots.</summary>
    [Parameter] public EventCallback<int> MonthChanged { get; set; }

    /// <summary>False while the page is not interactive yet or is loading, so nothing is clicked into the void.</summary>
    [Parameter] public bool Enabled { get; set; } = true;

    /// <summary>
    /// The weekday names, blank cells up to the first day's weekday (Monday first), then a button per day. Only a day
    /// with free times can be pressed; the chosen one is marked as pressed.
    /// </summary>
    private MarkupString Days()
    {
        var html = new StringBuilder(WeekdayRow, 8 * 1024);
        var first = Month.Month;
        for (var blank = ((int)first.DayOfWeek + 6) % 7; blank > 0; blank--) html.Append("<span aria-hidden=\"true\"></span>");
        for (var day = first; day.Month == first.Month; day = day.AddDays(1))
        {
            var open = Enabled && SlotDays.Contains(day);
            var button = new RowButton(day.ToString(DayKey, English), day.Day.ToString(English),
                !open ? "slot-day" : day == Selected ? "slot-day open selected" : "slot-day open", Label(day, open))
            {
                Pressed = open ? day == Selected : null,
            };
            button.AppendTo(html, disabled: !open);
        }
        return new MarkupString(html.ToString());
    }

    private Task ChooseAsync(RowActionEventArgs args) =>
        Enabled && DateOnly.TryParseExact(args.Key, DayKey, English, DateTimeStyles.None, out var day) && SlotDays.Contains(day)
            ? SelectedChanged.InvokeAsync(day)
            : Task.CompletedTask;

    private static string Label(DateOnly day, bool open) =>
        day.ToString("dddd d MMMM", English) + (open ? "" : ", no free times");
}
