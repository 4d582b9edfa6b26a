using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class AvailabilityEditor
{
    private static readonly MarkupString SaveIcon = MudMarkup.Icon(Icons.Material.Filled.Save);
    private static readonly MarkupString PublishIcon = MudMarkup.Icon(Icons.Material.Outlined.Campaign);
    private static readonly MarkupString CheckedIcon = MudMarkup.Icon(Icons.Material.Filled.CheckBox);
    private static readonly MarkupString UncheckedIcon = MudMarkup.Icon(Icons.Material.Filled.CheckBoxOutlineBlank);

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public AvailabilityModel Model { get; set; } = default!;
    [Parameter, EditorRequired] public string Zone { get; set; } = "";
    /// <summary>Stores the model; the result's errors are keyed by the domain's field names.</summary>
    [Parameter, EditorRequired] public Func<AvailabilityModel, Task<Result>> OnSave { get; set; } = default!;
    /// <summary>Publishes the coming week's slots; returns how many students were emailed.</summary>
    [Parameter] public Func<Task<int>>? OnPublish { get; set; }
    [Parameter] public bool Disabled { get; set; }

    private Result? errors;
    private bool saving, publishing;

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
        if (errors.Succeeded) Snackbar.Add("Saved. Students see your new slots right away.", Severity.Success);
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
