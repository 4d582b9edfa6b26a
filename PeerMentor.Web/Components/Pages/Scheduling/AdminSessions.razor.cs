using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class AdminSessions
{
    private static readonly SortableColumns<Session> Columns = new SortableColumns<Session>("start")
        .Add("start", s => s.StartUtc)
        .Add("mentor", s => s.Mentor!.DisplayName)
        .Add("student", s => s.Student!.DisplayName)
        .Add("status", s => s.Status)
        .ThenBy(s => s.Id);

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private MudTable<SessionView>? table;
    private string search = "";
    private SessionStatus? status;
    private bool upcomingOnly = true;
    private Guid? cancelling;

    private async Task<TableData<SessionView>> LoadAsync(TableState state, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var now = Clock.GetUtcNow().UtcDateTime;
        var query = db.Sessions.AsNoTracking();
        if (upcomingOnly) query = query.Where(s => s.EndUtc > now);
        if (status is { } wanted) query = query.Where(s => s.Status == wanted);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(s => s.Mentor!.DisplayName.ToUpper().Contains(term) || s.Student!.DisplayName.ToUpper().Contains(term));
        }
        return await Columns.ToTableDataAsync(query, state, SessionView.FromSession, cancellation);
    }

    private Task SearchAsync(string value) { search = value; return table!.ReloadServerData(); }

    private Task FilterAsync(SessionStatus? value) { status = value; return table!.ReloadServerData(); }

    private Task UpcomingAsync(bool value) { upcomingOnly = value; return table!.ReloadServerData(); }

    private async Task CancelAsync(SessionView session)
    {
        var summary = $"{session.MentorName} with {session.StudentName}, {session.StartUtc:yyyy-MM-dd HH:mm} UTC. Both are emailed.";
        var dialog = await Dialogs.ShowAsync<CancelSessionDialog>("Cancel this session?",
            new DialogParameters<CancelSessionDialog> { { d => d.Summary, summary } });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return;

        cancelling = session.Id;
        try
        {
            var adminId = (await AuthenticationState).User.UserId()!;
            var result = await Actions.RunAsync<SessionService, Result>(s => s.CancelAsync(adminId, session.Id, reason, asAdmin: true));
            Snackbar.Add(result.Succeeded ? "Session cancelled; both people were emailed." : result.Summary,
                result.Succeeded ? Severity.Success : Severity.Error);
            await table!.ReloadServerData();
        }
        finally
        {
            cancelling = null;
        }
    }
}
