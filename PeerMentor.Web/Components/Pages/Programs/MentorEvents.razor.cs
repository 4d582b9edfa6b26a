using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class MentorEvents
{
    private static readonly MarkupString AddIcon = MudMarkup.Icon(Icons.Material.Filled.Add);
    private static readonly MarkupString EventIcon = SmallIcon(Icons.Material.Filled.Event);
    private static readonly MarkupString CancelledIcon = SmallIcon(Icons.Material.Filled.EventBusy);
    private static readonly string TextButton = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary);

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string userId = "", zone = "UTC";
    private bool loaded;
    private Guid? creatingIn;
    private List<(Guid Id, string Name)> programs = [];
    private List<EventLine> mine = [], others = [];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (userId, zone) = (user.UserId()!, user.TimeZoneId());
        await using var db = await Contexts.CreateDbContextAsync();
        programs = (await db.ProgramMembers.AsNoTracking().Where(m => m.UserId == userId && m.LeftUtc == null && m.Role == Roles.Mentor)
            .Join(db.Programs, m => m.ProgramId, p => p.Id, (_, p) => new { p.Id, p.Name }).ToListAsync())
            .Select(p => (p.Id, p.Name)).ToList();
        await LoadEventsAsync();
        loaded = true;
    }

    private async Task CreatedAsync()
    {
        creatingIn = null;
        await LoadEventsAsync();
    }

    /// <summary>
    /// The mentor's own events (wherever they are now) and, apart, the other events of the programs and groups they are in:
    /// a masterclass an admin created for the whole program is the mentor's to see, not to edit.
    /// </summary>
    private async Task LoadEventsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var since = Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        mine = await Lines(db.Set<ProgramEvent>().AsNoTracking().Where(e => e.CreatedById == userId && e.EndUtc > since)).ToListAsync();
        others = await Lines(ProgramEventService.VisibleTo(db, userId).AsNoTracking().Where(e => e.CreatedById != userId && e.EndUtc > since)).ToListAsync();
    }

    private static IQueryable<EventLine> Lines(IQueryable<ProgramEvent> events) =>
        events.OrderBy(e => e.StartUtc).Take(100).Select(e => new EventLine(e.Id, e.Title, e.StartUtc, e.EndUtc, e.CancelledUtc != null));

    private static MarkupString SmallIcon(string icon) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");

    private sealed record EventLine(Guid Id, string Title, DateTime StartUtc, DateTime EndUtc, bool IsCancelled);
}
