using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling.Booking;

public partial class SlotMonth
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly MarkupString WeekdayRow = new(string.Concat(
        new[] { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" }.Select(name => $"<span class=\"slot-weekday\" aria-hidden=\"true\">{name}</span>")));
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

    /// <summary>The first day goes under its weekday (Monday first); the grid flows on from there.</summary>
    private string? Column(DateOnly day) => day.Day == 1 ? $"grid-column-start: {((int)day.DayOfWeek + 6) % 7 + 1}" : null;

    private IEnumerable<DateOnly> DaysOfMonth => Enumerable.Range(0, DateTime.DaysInMonth(Month.Month.Year, Month.Month.Month))
        .Select(Month.Month.AddDays);

    private static string Label(DateOnly day, bool open) =>
        day.ToString("dddd d MMMM", English) + (open ? "" : ", no free times");
}
