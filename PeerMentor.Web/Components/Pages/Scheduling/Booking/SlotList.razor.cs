using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Scheduling.Booking;

public partial class SlotList
{
    /// <summary>A time's key: its UTC start, round-trip format.</summary>
    private const string StartKey = "O";
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The day the slots are on, in <see cref="Zone"/>; null shows <see cref="Empty"/>.</summary>
    [Parameter] public DateOnly? Day { get; set; }
    [Parameter] public IReadOnlyList<Interval> Slots { get; set; } = [];
    [Parameter, EditorRequired] public string Zone { get; set; } = "UTC";
    [Parameter, EditorRequired] public string MentorZone { get; set; } = "UTC";
    [Parameter] public Interval? Chosen { get; set; }
    [Parameter] public EventCallback<Interval> OnChoose { get; set; }
    [Parameter] public bool Enabled { get; set; } = true;
    [Parameter] public string Empty { get; set; } = "No free times this month.";

    /// <summary>A button per time in MudButton's classes, the chosen one filled; its tooltip is the mentor's own time.</summary>
    private MarkupString Buttons()
    {
        var html = new StringBuilder();
        foreach (var slot in Slots)
        {
            var chosen = slot == Chosen;
            new RowButton(slot.StartUtc.ToString(StartKey, English), Time(slot.StartUtc, Zone), chosen ? ChosenClass : FreeClass)
            {
                Pressed = chosen,
                Title = $"{Time(slot.StartUtc, MentorZone)} for the mentor ({MentorZone})",
            }.AppendTo(html, disabled: !Enabled);
        }
        return new MarkupString(html.ToString());
    }

    private static string ChosenClass => "slot " + MudMarkup.ButtonClass(filled: true, MudBlazor.Size.Medium);
    private static string FreeClass => "slot " + MudMarkup.ButtonClass(filled: false, MudBlazor.Size.Medium);

    private Task ChooseAsync(RowActionEventArgs args)
    {
        if (!Enabled || !DateTime.TryParseExact(args.Key, StartKey, English, DateTimeStyles.RoundtripKind, out var start)) return Task.CompletedTask;
        foreach (var slot in Slots)
        {
            if (slot.StartUtc == start) return OnChoose.InvokeAsync(slot);
        }
        return Task.CompletedTask;
    }

    private static string Time(DateTime utc, string zone) => LocalTimes.ToLocal(utc, zone).ToString("HH:mm", English);
}
