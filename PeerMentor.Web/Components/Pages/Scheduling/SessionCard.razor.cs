using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class SessionCard
{
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IOptions<SchedulingOptions> SchedulingOptions { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public SessionView Session { get; set; } = default!;
    [Parameter, EditorRequired] public string ViewerId { get; set; } = "";
    [Parameter] public EventCallback OnChanged { get; set; }
    /// <summary>The viewer is an admin, who may cancel any session until it ends.</summary>
    [Parameter] public bool AsAdmin { get; set; }
    /// <summary>In a list, the card links to the session's own page.</summary>
    [Parameter] public bool ShowDetailsLink { get; set; }

    private string agenda = "";
    private bool editing, busy;
    private Result? error;
    // The session as reloaded after an action failed because it had changed meanwhile; the parent's copy is stale then.
    private SessionView? fresh;
    private SessionView? given;

    private SessionView View => fresh ?? Session;
    private SessionChanges Changes => SessionChanges.For(View.Status, View.StartUtc, View.EndUtc, IsMentor, IsParty, AsAdmin,
        Clock.GetUtcNow().UtcDateTime, SchedulingOptions.Value.ChangeCutoffHours);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(given, Session)) return;
        (given, fresh) = (Session, null);
    }

    private bool IsMentor => ViewerId == View.MentorId;
    private bool IsParty => ViewerId == View.MentorId || ViewerId == View.StudentId;
    private string MyZone => IsMentor ? View.MentorZone : View.StudentZone;
    private string TheirZone => IsMentor ? View.StudentZone : View.MentorZone;
    private string OtherName => IsMentor ? View.StudentName : View.MentorName;
    private string When => LocalTimes.Describe(View.StartUtc, View.EndUtc, MyZone);
    private bool Locked => busy || !RendererInfo.IsInteractive;

    private string StatusLabel => IsMentor && View.Status == SessionStatus.Requested ? "Awaiting your answer" : View.StatusText;
    private string StatusColor => View.Status switch
    {
        SessionStatus.Requested => "warning",
        SessionStatus.Accepted => "success",
        _ => "default",
    };
    private string StatusIcon => View.Status switch
    {
        SessionStatus.Requested => Icons.Material.Outlined.HourglassTop,
        SessionStatus.Accepted => Icons.Material.Outlined.EventAvailable,
        _ => Icons.Material.Outlined.EventBusy,
    };

    private void StartEditing() => (editing, agenda) = (true, View.Agenda);

    private async Task SaveAgendaAsync()
    {
        var minutes = (int)(View.EndUtc - View.StartUtc).TotalMinutes;
        if (await RunAsync(s => s.EditRequestAsync(ViewerId, View.Id, View.StartUtc, minutes, agenda, View.Notes), "Agenda saved."))
            editing = false;
    }

    private Task AcceptAsync() => RunAsync(s => s.AcceptAsync(ViewerId, View.Id), $"Accepted. {View.StudentName} is emailed the booking.");

    private async Task RejectAsync()
    {
        var reason = await AskReasonAsync("Reject this request?",
            $"{View.StudentName} asked for {When}. They are emailed your reason.", "Reject request", "Keep the request", "The student is emailed this reason.");
        if (reason is not null) await RunAsync(s => s.RejectAsync(ViewerId, View.Id, reason), $"Request rejected. {View.StudentName} is emailed why.");
    }

    private async Task CancelAsync()
    {
        var request = View.Status == SessionStatus.Requested;
        var reason = request
            ? await AskReasonAsync("Withdraw this request?", $"Your request to {OtherName} for {When} is withdrawn, and they are emailed why.",
                "Withdraw request", "Keep the request", $"{OtherName} is emailed this reason.")
            : await AskReasonAsync("Cancel this session?", $"Your session with {OtherName}, {When}, is cancelled for both of you.",
                "Cancel session", "Keep the session", "Both people are emailed this reason.");
        if (reason is not null) await RunAsync(s => s.CancelAsync(ViewerId, View.Id, reason, AsAdmin), request ? "Request withdrawn." : "Session cancelled. Both of you are emailed.");
    }

    private async Task MoveAsync()
    {
        var booked = View.Status == SessionStatus.Accepted;
        var dialog = await Dialogs.ShowAsync<MoveSessionDialog>(booked ? "Move this session?" : "Change the requested time?", new DialogParameters<MoveSessionDialog>
        {
            { d => d.Summary, booked ? $"Now {When}. {OtherName} is emailed the new time." : $"Now {When}. The length and agenda stay as they are." },
            { d => d.Zone, MyZone },
            { d => d.Start, LocalTimes.ToLocal(View.StartUtc, MyZone) },
            { d => d.AskReason, booked },
            { d => d.ConfirmText, booked ? "Move session" : "Change time" },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: MoveChoice choice }) return;

        var startUtc = ZonedTime.ToUtc(choice.Date, choice.Time, MyZone);
        var minutes = (int)(View.EndUtc - View.StartUtc).TotalMinutes;
        var done = $"Moved to {LocalTimes.Describe(startUtc, startUtc.AddMinutes(minutes), MyZone)}.";
        if (booked) await RunAsync(s => s.RescheduleAsync(ViewerId, View.Id, startUtc, choice.Reason), done);
        else await RunAsync(s => s.EditRequestAsync(ViewerId, View.Id, startUtc, minutes, View.Agenda, View.Notes), done);
    }

    /// <summary>The reason typed into the confirmation dialog, or null when the person kept the session as it is.</summary>
    private async Task<string?> AskReasonAsync(string title, string summary, string confirm, string keep, string hint)
    {
        var dialog = await Dialogs.ShowAsync<CancelSessionDialog>(title, new DialogParameters<CancelSessionDialog>
        {
            { d => d.Summary, summary }, { d => d.ConfirmText, confirm }, { d => d.KeepText, keep }, { d => d.Hint, hint },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    /// <summary>Runs the action; success shows <paramref name="done"/> as a snackbar and reloads the page's list.</summary>
    private async Task<bool> RunAsync(Func<SessionService, Task<Result>> action, string done)
    {
        busy = true;
        try
        {
            error = await Actions.RunAsync(action);
            if (error.Succeeded)
            {
                Snackbar.Add(done, Severity.Success);
                await OnChanged.InvokeAsync();
            }
            else await ShowWhereItStandsAsync();
        }
        finally
        {
            busy = false;
        }
        return error.Succeeded;
    }

    /// <summary>
    /// After a refused action, reloads the session: when someone changed it meanwhile (the other person, or this
    /// person in another tab), the card shows its real status and reason instead of actions that no longer apply.
    /// </summary>
    private async Task ShowWhereItStandsAsync()
    {
        var (id, viewer, admin) = (View.Id, ViewerId, AsAdmin);
        await using var db = await Contexts.CreateDbContextAsync();
        var now = (await SessionView.QueryAsync(db, q => q.Where(s => s.Id == id && (admin || s.MentorId == viewer || s.StudentId == viewer)), take: 1))
            .FirstOrDefault();
        if (now is null || (now.Status == View.Status && now.StartUtc == View.StartUtc && now.EndUtc == View.EndUtc)) return;
        fresh = now;
        var why = now.Status == SessionStatus.Declined && IsMentor ? await AcceptedInsteadAsync(db, now) ?? now.Reason : now.Reason;
        error = Result.Fail("", $"This changed while you were looking. It is now {now.StatusText.ToLowerInvariant()}"
            + (why is null ? "." : $": {why}"));
    }

    /// <summary>For the mentor, a declined request's reason names the booked session that holds its time.</summary>
    private async Task<string?> AcceptedInsteadAsync(AppDbContext db, SessionView declined)
    {
        var (viewer, start, end) = (ViewerId, declined.StartUtc, declined.EndUtc);
        var holder = (await SessionView.QueryAsync(db, q => q.Where(s => s.MentorId == viewer && s.Status == SessionStatus.Accepted
            && s.StartUtc < end && s.EndUtc > start).OrderBy(s => s.StartUtc), take: 1)).FirstOrDefault();
        return holder is null ? null
            : $"it overlaps the session you accepted with {holder.StudentName}, {LocalTimes.Describe(holder.StartUtc, holder.EndUtc, MyZone)}.";
    }
}
