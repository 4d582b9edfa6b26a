using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class SubmissionReview
{
    [Parameter, EditorRequired] public Guid SubmissionId { get; set; }
    [Parameter, EditorRequired] public string MentorId { get; set; } = "";
    [Parameter, EditorRequired] public string StudentName { get; set; } = "";
    [Parameter] public int? Grade { get; set; }
    [Parameter] public string? Comments { get; set; }
    [Parameter] public EventCallback<int> OnGraded { get; set; }

    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private int? grade, savedGrade;
    private string comments = "";
    private bool busy;
    private Result? errors;

    protected override void OnInitialized() => (grade, savedGrade, comments) = (Grade, Grade, Comments ?? "");

    private async Task SaveAsync()
    {
        errors = Submission.CheckReview(grade, comments ?? "");
        if (!errors.Succeeded) return;
        if (!await ConfirmDialog.AskAsync(Dialogs, "Send this grade?", $"{StudentName} is emailed the grade {grade} / 100 and your comments.", "Save and email")) return;

        busy = true;
        try
        {
            errors = await Actions.RunAsync<AssignmentService, Result>(s => s.ReviewAsync(MentorId, SubmissionId, grade, comments ?? ""));
        }
        finally
        {
            busy = false;
        }
        if (!errors.Succeeded) return;
        savedGrade = grade;
        Snackbar.Add($"Grade saved; {StudentName} was emailed.", Severity.Success);
        await OnGraded.InvokeAsync(grade!.Value);
    }
}
