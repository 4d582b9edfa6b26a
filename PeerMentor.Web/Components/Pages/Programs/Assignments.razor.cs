using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;
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
    /// <summary>How much of an assignment's instructions a card shows until the student asks for all of them.</summary>
    public const int InstructionsShown = 600;

    // The one assignment whose hand-in form is open.
    private Guid? handingIn;
    // The one assignment whose whole instructions are shown, and those instructions.
    private (Guid Id, string Text)? reading;
    private List<AssignmentCard> rows = [];

    private static readonly string ShowMoreClass = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary, MudBlazor.Size.Small);

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
        // Up to 200 cards stay in the open page: each keeps the start of its instructions (up to 8,000 characters), not all.
        rows = assignments.Select(a => new AssignmentCard(a.Id, a.Title, a.DueUtc, a.EventId, RowCells.Excerpt(a.Instructions, InstructionsShown),
            a.Instructions.Length > InstructionsShown, submissions.FirstOrDefault(s => s.AssignmentId == a.Id))).ToList();
        loaded = true;
    }

    /// <summary>Shows one assignment's whole instructions, read again (visible to this student only), or its start again.</summary>
    private async Task ToggleInstructionsAsync(Guid id)
    {
        if (reading?.Id == id)
        {
            reading = null;
            return;
        }
        await using var db = await Contexts.CreateDbContextAsync();
        var text = await AssignmentService.VisibleTo(db, userId).Where(a => a.Id == id).Select(a => a.Instructions).SingleOrDefaultAsync();
        reading = text is null ? null : (id, text);
        // Removed (or no longer this student's) since the page loaded: the list shows what is there now.
        if (text is null) await LoadAsync();
    }

    private sealed record AssignmentCard(Guid Id, string Title, DateTime DueUtc, Guid? EventId, string? Instructions, bool Cut, Submission? Submission);

    private async Task HandedInAsync()
    {
        handingIn = null;
        await LoadAsync();
    }
}
