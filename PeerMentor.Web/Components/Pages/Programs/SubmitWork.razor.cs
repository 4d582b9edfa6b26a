using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Adapters;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class SubmitWork
{
    [Parameter, EditorRequired] public Guid AssignmentId { get; set; }
    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public string StudentId { get; set; } = "";
    /// <summary>Work was handed in before: sending again replaces it.</summary>
    [Parameter] public bool HandedIn { get; set; }
    [Parameter] public EventCallback OnSubmitted { get; set; }
    /// <summary>Closes the form without handing in; without it the form has no close button.</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private FileStorage Storage { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private IBrowserFile? file;
    private string link = "";
    private bool busy;
    private double percent;
    private DateTime lastPaint;
    private Result? errors;

    private void Choose(IBrowserFile? chosen)
    {
        file = chosen;
        errors = chosen is not null && chosen.Size > Storage.MaxBytes ? Result.Fail("File", Storage.TooLarge) : null;
    }

    private static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };

    private async Task SubmitAsync()
    {
        busy = true;
        percent = 0;
        try
        {
            StoredFile? stored = null;
            if (file is not null)
            {
                if (file.Size > Storage.MaxBytes) { errors = Result.Fail("File", Storage.TooLarge); return; }
                var size = Math.Max(1, file.Size);
                // The browser's declared size is only a claim; the storage adapter counts the bytes it really gets.
                await using var upload = new ProgressStream(file.OpenReadStream(Storage.MaxBytes), read => ShowProgress(read * 100.0 / size));
                try { (errors, stored) = await Storage.SaveAsync(upload, file.Name); }
                catch (IOException) { errors = Result.Fail("File", Storage.TooLarge); }
                if (stored is null) return;
            }
            var (result, replaced) = await Actions.RunAsync<AssignmentService, (Result, string?)>(s => s.SubmitAsync(StudentId, AssignmentId, stored, link));
            errors = result;
            Storage.Delete(result.Succeeded ? replaced : stored?.StoredName);
            if (!result.Succeeded) return;
            Snackbar.Add($"“{Title}” handed in; your mentor can see it now.", Severity.Success);
            (file, link) = (null, "");
            await OnSubmitted.InvokeAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private void ShowProgress(double value)
    {
        percent = Math.Min(100, value);
        // Repaint at most ten times a second: every 32 KB chunk would flood the circuit.
        if (DateTime.UtcNow - lastPaint < TimeSpan.FromMilliseconds(100) && percent < 100) return;
        lastPaint = DateTime.UtcNow;
        _ = InvokeAsync(StateHasChanged);
    }
}
