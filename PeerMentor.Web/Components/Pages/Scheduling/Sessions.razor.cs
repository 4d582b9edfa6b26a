using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Scheduling;

public partial class Sessions
{
    private const int PastPage = 20;
    private static readonly string TextButton = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary);

    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string userId = "", zone = "UTC";
    private bool isMentor, morePast, loadingMore;
    private int pastShown = PastPage;
    private List<SessionView>? open, past;

    private List<SessionView> Requests => open!.Where(s => s.Status == SessionStatus.Requested).ToList();
    private List<SessionView> Upcoming => open!.Where(s => s.Status == SessionStatus.Accepted).ToList();

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (userId, zone, isMentor) = (user.UserId()!, user.TimeZoneId(), user.IsInRole(Roles.Mentor));
        await LoadAsync();
    }

    /// <summary>Open sessions in full (a person has few); the past a page at a time, newest first.</summary>
    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var (me, now) = (userId, Clock.GetUtcNow().UtcDateTime);
        open = await SessionView.QueryAsync(db, q => q.Where(s => (s.MentorId == me || s.StudentId == me) && s.EndUtc > now
            && (s.Status == SessionStatus.Requested || s.Status == SessionStatus.Accepted)).OrderBy(s => s.StartUtc), take: 500);
        var earlier = await SessionView.QueryAsync(db, q => q.Where(s => (s.MentorId == me || s.StudentId == me)
            && (s.EndUtc <= now || (s.Status != SessionStatus.Requested && s.Status != SessionStatus.Accepted)))
            .OrderByDescending(s => s.StartUtc), take: pastShown + 1);
        morePast = earlier.Count > pastShown;
        past = earlier.Take(pastShown).ToList();
    }

    private async Task ShowMorePastAsync()
    {
        loadingMore = true;
        pastShown += PastPage;
        await LoadAsync();
        loadingMore = false;
    }

    /// <summary>A request or booking whose time went by without an answer or a cancellation is simply over.</summary>
    private static string PastStatus(SessionView session) => session.Status switch
    {
        SessionStatus.Accepted => "Took place",
        SessionStatus.Requested => "Never answered",
        _ => session.StatusText,
    };
}
