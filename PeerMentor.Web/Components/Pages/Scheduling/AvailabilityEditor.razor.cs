using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class AvailabilityEditor
{
    private const string SaveText = "Save availability", PublishText = "Publish next week's slots";
    /// <summary>Each button's icon and text as one piece of markup: the buttons stay on screen while the page is open.</summary>
    private static readonly MarkupString SaveLabel = Label(Icons.Material.Filled.Save, SaveText), PublishLabel = Label(Icons.Material.Outlined.Campaign, PublishText);
    private static readonly string FilledButton = MudMarkup.ButtonClass(filled: true, Size.Medium), OutlinedButton = MudMarkup.ButtonClass(filled: false, Size.Medium);
    private static readonly MarkupString CheckedIcon = MudMarkup.Icon(Icons.Material.Filled.CheckBox);
    private static readonly MarkupString UncheckedIcon = MudMarkup.Icon(Icons.Material.Filled.CheckBoxOutlineBlank);
    private static readonly string TextButton = MudButtonMarkup.Class(Variant.Text, Color.Primary);
    /// <summary>The domain's names of the booking settings, for the problems saving can find in them.</summary>
    private static readonly string[] SettingFields =
        ["SessionLengths", "BufferBeforeMinutes", "BufferAfterMinutes", "MinimumNoticeMinutes", "BookingHorizonDays", "MeetingUrl"];

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public AvailabilityModel Model { get; set; } = default!;
    [Parameter, EditorRequired] public string Zone { get; set; } = "";
    /// <summary>Stores the model; the result's errors are keyed by the domain's field names.</summary>
    [Parameter, EditorRequired] public Func<AvailabilityModel, Task<Result>> OnSave { get; set; } = default!;
    /// <summary>Publishes the coming week's slots; returns how many students were emailed.</summary>
    [Parameter] public Func<Task<int>>? OnPublish { get; set; }
    [Parameter] public bool Disabled { get; set; }

    private Result? errors;
    private bool saving, publishing, settingsOpen;

    /// <summary>A setting saving refused keeps the inputs open, so its message shows next to it.</summary>
    private bool SettingsMarked => SettingFields.Any(Has);
    private bool SettingsShown => settingsOpen || SettingsMarked;

    private bool Has(string field) => errors?.For(field).Any() == true;
    private string? First(string field) => errors?.For(field).FirstOrDefault();

    /// <summary>A whole-number input; an emptied one counts as 0, which the domain accepts or explains next to the field.</summary>
    private RenderFragment Number(string id, string label, int value, Action<int> set, int min, int max, int step, string helper, string field) =>
        new OutlinedInput(id, label, "number", value.ToString(CultureInfo.InvariantCulture),
            EventCallback.Factory.Create<ChangeEventArgs>(this, e => set(int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0)))
        {
            Disabled = Disabled, Error = Has(field), ErrorText = First(field), HelperText = helper,
            InputAttributes = new Dictionary<string, object> { ["min"] = min, ["max"] = max, ["step"] = step },
        }.Render();

    private static MarkupString Label(string icon, string text) =>
        new($"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{MudMarkup.Icon(icon)}</span>{WebUtility.HtmlEncode(text)}");

    private MarkupString WeeklyHeading() => new("<h2 class=\"mud-typography mud-typography-h6\">Weekly hours</h2><p class=\"mud-typography mud-typography-body2 muted mb-2\">"
        + $"When students may book you each week, in {WebUtility.HtmlEncode(Zone)}.</p>");

    /// <summary>The settings as they stand, read-only, in one piece of markup while the inputs are closed.</summary>
    private MarkupString SettingsSummary()
    {
        var lengths = Model.Lengths.Order().Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        var rows = new (string Term, string Value)[]
        {
            ("Session lengths", lengths.Count == 0 ? "None yet" : $"{string.Join(", ", lengths)} min"),
            ("Buffers", $"{Model.BufferBefore} min before, {Model.BufferAfter} min after each session"),
            ("Minimum notice", Model.NoticeHours == 1 ? "1 hour" : $"{Model.NoticeHours} hours"),
            ("Bookable up to", Model.HorizonDays == 1 ? "1 day ahead" : $"{Model.HorizonDays} days ahead"),
            ("Meeting link", string.IsNullOrWhiteSpace(Model.MeetingUrl) ? "None" : Model.MeetingUrl),
            ("Requests", Model.AutoAccept ? "Accepted automatically (students book directly)" : "You accept or decline each one"),
        };
        return new MarkupString("<dl class=\"availability-summary mud-typography mud-typography-body2\">"
            + string.Concat(rows.Select(r => $"<div><dt>{WebUtility.HtmlEncode(r.Term)}</dt><dd>{WebUtility.HtmlEncode(r.Value)}</dd></div>")) + "</dl>");
    }

    private void Toggle(int length, bool on)
    {
        if (on) Model.Lengths.Add(length); else Model.Lengths.Remove(length);
    }

    private async Task SaveAsync()
    {
        if (Model.HasProblems)
        {
            Snackbar.Add("Nothing saved: fix the hours marked in red first.", Severity.Error);
            return;
        }
        saving = true;
        try
        {
            errors = await OnSave(Model);
        }
        finally
        {
            saving = false;
        }
        if (errors.Succeeded)
        {
            settingsOpen = false;
            Snackbar.Add("Saved. Students see your new slots right away.", Severity.Success);
        }
        else Snackbar.Add("Nothing saved: see the marked fields.", Severity.Error);
    }

    private async Task PublishAsync()
    {
        publishing = true;
        int told;
        try
        {
            told = await OnPublish!();
        }
        finally
        {
            publishing = false;
        }
        Snackbar.Add(told == 0 ? "Published. None of your students has booked with you yet, so nobody was emailed."
            : $"Published; {told} student{(told == 1 ? "" : "s")} emailed.", Severity.Success);
    }
}
