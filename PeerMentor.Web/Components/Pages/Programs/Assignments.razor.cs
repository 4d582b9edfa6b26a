using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using MudBlazor;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class Assignments
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private string userId = "", zone = "UTC";
    private DateTime now;
    private bool loaded;
    // The one assignment whose hand-in form is open.
    private Guid? handingIn;
    private List<(Assignment Assignment, Submission? Submission)> rows = [];

    private static readonly MarkupString UploadIcon = MudMarkup.Icon(Icons.Material.Filled.Upload);

    private string Describe(DateTime utc) => LocalTimes.ToLocal(utc, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (userId, zone) = (user.UserId()!, user.TimeZoneId());
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await Contexts.CreateDbContextAsync();
        var assignments = await AssignmentService.VisibleTo(db, userId).AsNoTracking().OrderBy(a => a.DueUtc).Take(200).ToListAsync();
        var ids = assignments.Select(a => a.Id).ToList();
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.StudentId == userId && ids.Contains(s.AssignmentId)).ToListAsync();
        rows = assignments.Select(a => (a, submissions.FirstOrDefault(s => s.AssignmentId == a.Id))).ToList();
        loaded = true;
    }

    private async Task HandedInAsync()
    {
        handingIn = null;
        await LoadAsync();
    }
}
