using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Reviews;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Reviews;

public partial class ReviewForm
{
    [Parameter, EditorRequired] public Guid ProgramId { get; set; }
    [Parameter, EditorRequired] public string StudentId { get; set; } = "";
    [Parameter, EditorRequired] public string StudentName { get; set; } = "";
    [Parameter] public string ProgramName { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<string> Criteria { get; set; } = [];
    [Parameter, EditorRequired] public DateOnly Week { get; set; }
    [Parameter, EditorRequired] public string MentorId { get; set; } = "";
    [Parameter] public WeeklyReview? Existing { get; set; }
    /// <summary>Called after a successful save, so the page can update what is still due.</summary>
    [Parameter] public EventCallback<string> OnSaved { get; set; }

    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private ReviewDraft draft = new();
    private bool reviewed, busy;
    private Result? errors;

    protected override void OnInitialized()
    {
        draft = ReviewDraft.For(Criteria, Existing?.Points, Existing?.Feedback);
        reviewed = Existing is not null;
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            errors = await Actions.RunAsync<ReviewService, Result>(s => s.SubmitAsync(MentorId, ProgramId, StudentId, Week, draft.Scored(), draft.Feedback ?? ""));
        }
        finally
        {
            busy = false;
        }
        if (!errors.Succeeded) return;
        reviewed = true;
        Snackbar.Add($"Saved {StudentName}'s review for the week of {Week.ToString("d MMM", CultureInfo.InvariantCulture)}.", Severity.Success);
        await OnSaved.InvokeAsync(StudentId);
    }
}
