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
    private static readonly SortableColumns<Session> Sorts = new SortableColumns<Session>("start")
        .Add("start", s => s.StartUtc)
        .Add("mentor", s => s.Mentor!.DisplayName)
        .Add("student", s => s.Student!.DisplayName)
        .Add("status", s => s.Status)
        .ThenBy(s => s.Id);

    private static readonly ListColumn[] Columns =
        [new("When (UTC)", "start"), new("Mentor", "mentor"), new("Student", "student"), new("Status", "status"), new("Action", Hidden: true)];

    private static readonly (string, string)[] StatusOptions = ListSelect.EnumOptions<SessionStatus>();

    /// <summary>MudButton's look: outlined, error colour, small.</summary>
    private const string CancelButtonClass =
        "mud-button-root mud-button mud-button-outlined mud-button-outlined-error mud-button-outlined-size-small mud-ripple";

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private ListTable<SessionRow>? list;
    private SessionStatus? status;
    private bool upcomingOnly = true;

    private async Task<ListPage<SessionRow>> LoadAsync(ListQuery list, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var now = Clock.GetUtcNow().UtcDateTime;
        var query = db.Sessions.AsNoTracking();
        if (upcomingOnly) query = query.Where(s => s.EndUtc > now);
        if (status is { } wanted) query = query.Where(s => s.Status == wanted);
        if (list.Search.Length > 0)
        {
            var term = list.Search.ToUpperInvariant();
            query = query.Where(s => s.Mentor!.DisplayName.ToUpper().Contains(term) || s.Student!.DisplayName.ToUpper().Contains(term));
        }
        var page = await Sorts.ToPageAsync(query, list, SessionView.FromSession, cancellation);
        return page.Map(s => new SessionRow(s.Id,
            s.Status is SessionStatus.Requested or SessionStatus.Accepted && s.EndUtc > now, new RowCells()
                .Open("When", attribute: ("data-session-id", s.Id.ToString())).Link($"sessions/{s.Id}", $"{s.StartUtc:yyyy-MM-dd HH:mm}–{s.EndUtc:HH:mm}").Close()
                .Cell("Mentor", s.MentorName)
                .Cell("Student", s.StudentName)
                .Cell("Status", s.StatusText)
                .ToMarkup()));
    }

    private Task FilterAsync(ChangeEventArgs change)
    {
        status = ListSelect.Chosen<SessionStatus>(change);
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private Task UpcomingAsync(ChangeEventArgs change)
    {
        upcomingOnly = change.Value is true;
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private async Task CancelAsync(string key)
    {
        var id = Guid.Parse(key);
        SessionView? session;
        await using (var db = await Contexts.CreateDbContextAsync())
            session = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(SessionView.FromSession).SingleOrDefaultAsync();
        if (session is null)
        {
            Snackbar.Add("This session is gone; the list is up to date again.", Severity.Warning);
            await list!.ReloadAsync();
            return;
        }
        var summary = $"{session.MentorName} with {session.StudentName}, {session.StartUtc:yyyy-MM-dd HH:mm} UTC. Both are emailed.";
        var dialog = await Dialogs.ShowAsync<CancelSessionDialog>("Cancel this session?",
            new DialogParameters<CancelSessionDialog> { { d => d.Summary, summary } });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return;

        var adminId = (await AuthenticationState).User.UserId()!;
        var result = await Actions.RunAsync<SessionService, Result>(s => s.CancelAsync(adminId, session.Id, reason, asAdmin: true));
        Snackbar.Add(result.Succeeded ? "Session cancelled; both people were emailed." : result.Summary,
            result.Succeeded ? Severity.Success : Severity.Error);
        await list!.ReloadAsync();
    }

    /// <summary>Requested and accepted sessions that have not ended can be cancelled.</summary>
    private static RowButton? CancelButton(SessionRow row) => row.Cancellable ? new RowButton(row.Id.ToString(), "Cancel…", CancelButtonClass) : null;

    /// <summary>A loaded session: its id, whether it can be cancelled, its cells as markup.</summary>
    private sealed record SessionRow(Guid Id, bool Cancellable, MarkupString Cells);
}
