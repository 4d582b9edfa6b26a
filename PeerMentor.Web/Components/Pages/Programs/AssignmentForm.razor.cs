using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class AssignmentForm
{
    private static readonly TimeSpan DefaultDueTime = new(23, 59, 0);

    [Parameter, EditorRequired] public Guid ProgramId { get; set; }
    /// <summary>The author's IANA zone: the pickers show and read times in it.</summary>
    [Parameter, EditorRequired] public string Zone { get; set; } = "UTC";
    [Parameter] public EventCallback OnPosted { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }
    /// <summary>The assignment to edit; null to post a new one.</summary>
    [Parameter] public Assignment? Existing { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private string title = "", instructions = "";
    private DateTime? dueDate;
    private TimeSpan? dueTime = DefaultDueTime;
    private Guid? eventId;
    private bool busy;
    private Result? errors;
    private List<(Guid Id, string Title)> events = [];

    private DateTime MinDate => LocalTimes.ToLocal(Clock.GetUtcNow().UtcDateTime, Zone).Date;

    protected override async Task OnInitializedAsync()
    {
        if (Existing is not null)
        {
            var local = LocalTimes.ToLocal(Existing.DueUtc, Zone);
            (title, instructions, dueDate, dueTime) = (Existing.Title, Existing.Instructions, local.Date, local.TimeOfDay);
            return;
        }
        await using var db = await Contexts.CreateDbContextAsync();
        events = (await db.Set<ProgramEvent>().AsNoTracking().Where(e => e.ProgramId == ProgramId).OrderBy(e => e.StartUtc)
            .Select(e => new { e.Id, e.Title }).ToListAsync()).Select(e => (e.Id, e.Title)).ToList();
    }

    private AssignmentInput Input()
    {
        DateTime? dueUtc = dueDate is { } date && dueTime is { } time
            ? ZonedTime.ToUtc(DateOnly.FromDateTime(date), TimeOnly.FromTimeSpan(time), Zone)
            : null;
        return new AssignmentInput(title ?? "", instructions ?? "", dueUtc, eventId);
    }

    private async Task PostAsync()
    {
        var input = Input();
        // The rules are checked before asking, so nobody confirms mail that cannot go out.
        errors = Assignment.Check(input, Clock.GetUtcNow().UtcDateTime);
        if (!errors.Succeeded) return;
        var user = (await AuthenticationState).User;
        var (userId, isAdmin) = (user.UserId()!, user.IsInRole(Roles.Admin));
        var audience = isAdmin ? "every student in the program" : "each student in your group";
        var confirmed = Existing is null
            ? await ConfirmDialog.AskAsync(Dialogs, "Post this assignment?", $"“{input.Title.Trim()}” is emailed to {audience}, with the due time in their own zone.", "Post and email")
            : await ConfirmDialog.AskAsync(Dialogs, "Save the changes?", $"The students of “{input.Title.Trim()}” are emailed the new version.", "Save and email");
        if (!confirmed) return;

        busy = true;
        try
        {
            if (Existing is { } existing)
                errors = await Actions.RunAsync<AssignmentService, Result>(s => s.EditAsync(userId, isAdmin, existing.Id, input));
            else
                (errors, _) = await Actions.RunAsync<AssignmentService, (Result, Guid?)>(s => s.PostAsync(userId, isAdmin, ProgramId, input));
        }
        finally
        {
            busy = false;
        }
        if (!errors.Succeeded) return;
        Snackbar.Add(Existing is null ? "Assignment posted; its students were emailed and see it under Assignments." : "Changes saved; the students were emailed.",
            Severity.Success);
        if (Existing is null) (title, instructions, dueDate, dueTime, eventId) = ("", "", null, DefaultDueTime, null);
        await OnPosted.InvokeAsync();
    }
}
