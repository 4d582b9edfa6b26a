using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Adapters;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class EventManage
{
    [Parameter, EditorRequired] public Guid EventId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private FileStorage Storage { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ProgramEvent? programEvent;
    private List<EventResource> resources = [];
    private string userId = "", zone = "UTC";
    private string? title = "", url = "";
    private bool isAdmin, busy;
    private EventResourceKind kind = EventResourceKind.Recording;
    private IBrowserFile? file;
    private Result? errors, cancelErrors;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (userId, isAdmin, zone) = (user.UserId()!, user.IsInRole(Roles.Admin), user.TimeZoneId());
        if (!await Actions.RunAsync<ProgramEventService, bool>(s => s.CanEditAsync(userId, isAdmin, EventId))) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        programEvent = await db.Set<ProgramEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == EventId);
        resources = await db.Set<EventResource>().AsNoTracking().Where(r => r.EventId == EventId).OrderBy(r => r.AddedUtc).ToListAsync();
    }

    // This island's own data reloads in place (its snackbar stays); the server-rendered page around it refreshes
    // without a full reload, so the time, resources and status everyone sees follow the change.
    private async Task ReloadAsync()
    {
        await LoadAsync();
        Navigation.Refresh();
    }

    private async Task AddAsync()
    {
        busy = true;
        try
        {
            StoredFile? stored = null;
            if (file is not null && kind == EventResourceKind.Recording)
            {
                if (file.Size > Storage.MaxVideoBytes) { errors = Result.Fail("File", Storage.VideoTooLarge); return; }
                await using var upload = file.OpenReadStream(Storage.MaxVideoBytes);
                try { (errors, stored) = await Storage.SaveVideoAsync(upload, file.Name); }
                catch (IOException) { errors = Result.Fail("File", Storage.VideoTooLarge); }
                if (stored is null) return;
            }
            var input = new ResourceInput(kind, title ?? "", url);
            (errors, _) = await Actions.RunAsync<ProgramEventService, (Result, Guid?)>(s => s.AddResourceAsync(userId, isAdmin, EventId, input, stored));
            if (!errors.Succeeded) { Storage.Delete(stored?.StoredName); return; }
            Snackbar.Add($"Added {input.Title.Trim()}.", Severity.Success);
            (title, url, file) = ("", "", null);
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RemoveAsync(EventResource resource)
    {
        var question = $"Remove {resource.Title}? Students no longer see it on the event page.";
        if (!await ConfirmDialog.AskAsync(Dialogs, "Remove a resource", question, "Remove", destructive: true)) return;
        busy = true;
        try
        {
            var (result, storedName) = await Actions.RunAsync<ProgramEventService, (Result, string?)>(s => s.RemoveResourceAsync(userId, isAdmin, resource.Id));
            if (!result.Succeeded) { Snackbar.Add(result.Summary, Severity.Error); return; }
            Storage.Delete(storedName);
            Snackbar.Add($"Removed {resource.Title}.", Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CancelAsync()
    {
        if (programEvent is not { } shown) return;
        var summary = $"Cancel {shown.Title} ({LocalTimes.Describe(shown.StartUtc, shown.EndUtc, zone)})? Everyone it is for is emailed.";
        var dialog = await Dialogs.ShowAsync<CancelEventDialog>("Cancel this event?", new DialogParameters<CancelEventDialog> { { d => d.Summary, summary } });
        if (await dialog.Result is not { Canceled: false, Data: string reason }) return;
        cancelErrors = await Actions.RunAsync<ProgramEventService, Result>(s => s.CancelAsync(userId, isAdmin, EventId, reason));
        if (!cancelErrors.Succeeded) return;
        Snackbar.Add("Event cancelled; everyone it was for was emailed.", Severity.Success);
        await ReloadAsync();
    }
}
