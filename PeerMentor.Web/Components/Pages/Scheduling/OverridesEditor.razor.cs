using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class OverridesEditor
{
    private static readonly MarkupString AddIcon = MudMarkup.Icon(Icons.Material.Filled.EventBusy);
    private static readonly MarkupString RemoveIcon = MudMarkup.Icon(Icons.Material.Outlined.Delete);
    private static readonly MarkupString RadioOff = MudMarkup.Icon(Icons.Material.Filled.RadioButtonUnchecked);
    private static readonly MarkupString RadioOn = MudMarkup.Icon(Icons.Material.Filled.RadioButtonChecked);
    private static readonly string TextButton = MudButtonMarkup.Class(Variant.Text, Color.Primary);

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<AvailabilityOverride> Overrides { get; set; } = [];
    /// <summary>Sets (or with no ranges given, removes) one date's override; the page stores it and reloads the list.</summary>
    [Parameter, EditorRequired] public Func<OverrideInput, Task<Result>> OnSet { get; set; } = default!;
    /// <summary>The mentor's today, the earliest date an override makes sense for.</summary>
    [Parameter] public DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);
    [Parameter] public bool Disabled { get; set; }

    private string? date, start = "09:00", end = "12:00";
    private bool dayOff = true, busy, tried, adding;
    private Result? errors;

    protected override void OnInitialized() => date ??= Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly? Date => DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private string? DateProblem => Date is null ? "Pick a date." : Date < Today && tried ? "Pick today or a later date." : null;

    private string? HoursProblem
    {
        get
        {
            if (dayOff) return null;
            var (from, until) = (AvailabilityModel.Minutes(AvailabilityModel.Parse(start)), AvailabilityModel.Minutes(AvailabilityModel.Parse(end), endOfDay: true));
            if (from < 0 || until < 0) return "Enter both times.";
            return until <= from ? "The hours end before they start." : null;
        }
    }

    /// <summary>A dense outlined input; its problem shows under it, or (for the two times, which share one) under the form.</summary>
    private RenderFragment Field(string id, string label, string type, string? value, Action<string?> set, string ariaLabel, string? problem, string? css,
        bool showText = true) =>
        new OutlinedInput(id, label, type, value, EventCallback.Factory.Create<ChangeEventArgs>(this, e => set(e.Value as string)))
        {
            Dense = true, Disabled = Disabled, AriaLabel = ariaLabel, Error = problem is not null, ErrorText = showText ? problem : null, Class = css,
        }.Render();

    private Task AddAsync()
    {
        tried = true;
        if (Date is not { } day || DateProblem is not null || HoursProblem is not null) return Task.CompletedTask;
        if (dayOff) return SetAsync(new OverrideInput(day, []), $"{Describe(day)} is now a day off.");
        var range = (AvailabilityModel.Minutes(AvailabilityModel.Parse(start)), AvailabilityModel.Minutes(AvailabilityModel.Parse(end), endOfDay: true));
        // Extra hours add to what the date already has.
        var existing = Overrides.Where(o => o.Date == day && !o.IsDayOff).Select(o => (o.StartMinute!.Value, o.EndMinute!.Value));
        return SetAsync(new OverrideInput(day, [.. existing, range]), $"Hours for {Describe(day)} saved.");
    }

    private void Close() => (adding, tried, errors) = (false, false, null);

    private Task RemoveAsync(DateOnly day) => SetAsync(new OverrideInput(day, null), $"{Describe(day)} follows your weekly hours again.");

    private async Task SetAsync(OverrideInput input, string done)
    {
        busy = true;
        try
        {
            errors = await OnSet(input);
        }
        finally
        {
            busy = false;
        }
        if (!errors.Succeeded) return;
        (adding, tried) = (false, false);
        Snackbar.Add(done, Severity.Success);
    }

    private static string Describe(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
