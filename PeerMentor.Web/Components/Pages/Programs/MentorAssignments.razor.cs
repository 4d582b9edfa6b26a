using System.Globalization;
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
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class MentorAssignments
{
    private static readonly SortableColumns<HandIn> Sorts = new SortableColumns<HandIn>("submitted", defaultDescending: true)
        .Add("submitted", h => h.SubmittedUtc)
        .Add("student", h => h.StudentName)
        .Add("assignment", h => h.AssignmentTitle)
        .ThenBy(h => h.Id);

    private static readonly ListColumn[] HandInColumns =
        [new("Handed in", "submitted"), new("Student", "student"), new("Assignment", "assignment"), new("Grade"), new("Action", Hidden: true)];

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private static readonly MarkupString CloseIcon = MudMarkup.Icon(Icons.Material.Filled.Close);
    private static readonly MarkupString AddIcon = MudMarkup.Icon(Icons.Material.Filled.Add);
    private static readonly MarkupString EditIcon = MudMarkup.Icon(Icons.Material.Filled.Edit);
    private static readonly MarkupString DeleteIcon = MudMarkup.Icon(Icons.Material.Filled.Delete);
    private static readonly string GradeButton = MudMarkup.ButtonClass(filled: false, Size.Small);
    private static readonly string TextButton = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary);
    private const string DeleteButton = "mud-button-root mud-button mud-button-text mud-button-text-error mud-button-text-size-medium mud-ripple";

    private string userId = "", zone = "UTC";
    private bool loaded, ungradedOnly = true;
    private ProvidersOnDemand? providers;
    private List<(Guid Id, string Name)> programs = [];
    // What the cards show, not the assignments themselves (their instructions can be long); the one being edited is loaded on demand.
    private List<PostedAssignment> assignments = [];
    private ListTable<HandInRow>? list;
    // The hand-in in the grading panel, loaded when it opens; the list keeps only what its rows show.
    private HandIn? selected;
    private Assignment? editing;
    private Guid? creatingIn, deleting;

    private string Describe(DateTime utc) => LocalTimes.ToLocal(utc, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string HandedInText(int handIns) => handIns switch
    {
        0 => "nothing handed in yet",
        1 => "1 hand-in",
        var count => $"{count} hand-ins",
    };

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        (userId, zone) = (user.UserId()!, user.TimeZoneId());
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        programs = (await db.ProgramMembers.AsNoTracking().Where(m => m.UserId == userId && m.LeftUtc == null && m.Role == Roles.Mentor)
            .Join(db.Programs, m => m.ProgramId, p => p.Id, (_, p) => new { p.Id, p.Name }).ToListAsync())
            .Select(p => (p.Id, p.Name)).ToList();
        // Any student's work counts here, not only this mentor's group: it blocks deleting.
        assignments = await AssignmentService.VisibleTo(db, userId).AsNoTracking().OrderByDescending(a => a.DueUtc).Take(100)
            .Select(a => new PostedAssignment(a.Id, a.ProgramId, a.Title, a.DueUtc, a.GroupMentorId == null, a.CreatedById == userId,
                db.Set<Submission>().Count(s => s.AssignmentId == a.Id)))
            .ToListAsync();
        loaded = true;
        if (list is not null) await list.ReloadAsync();
    }

    private string EmptyText(string search) =>
        search.Length > 0 ? "No hand-in matches this search."
        : ungradedOnly ? "Nothing waiting for a grade. Turn off “Only work to grade” to see graded work."
        : "No hand-ins yet. Your students' work appears here as they send it.";

    /// <summary>Only this mentor's own students' work, in the program the assignment belongs to.</summary>
    private IQueryable<HandIn> HandIns(AppDbContext db) =>
        from s in db.Set<Submission>()
        join a in db.Set<Assignment>() on s.AssignmentId equals a.Id
        join m in db.ProgramMembers on new { a.ProgramId, UserId = s.StudentId } equals new { m.ProgramId, m.UserId }
        join u in db.Users on s.StudentId equals u.Id
        where m.MentorId == userId && m.LeftUtc == null
        select new HandIn
        {
            Id = s.Id, Version = s.Version, AssignmentTitle = a.Title, StudentName = u.DisplayName, SubmittedUtc = s.SubmittedUtc,
            IsLate = s.IsLate, HasFile = s.StoredName != null, FileName = s.FileName, LinkUrl = s.LinkUrl, Grade = s.Grade,
            ReviewComments = s.ReviewComments,
        };

    /// <summary>One page, filtered and sorted in SQL, projected to what a row shows.</summary>
    private async Task<ListPage<HandInRow>> LoadHandInsAsync(ListQuery query, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var handIns = HandIns(db);
        if (ungradedOnly) handIns = handIns.Where(h => h.Grade == null);
        if (query.Search.Length > 0)
        {
            var term = query.Search.ToUpperInvariant();
            handIns = handIns.Where(h => h.StudentName.ToUpper().Contains(term) || h.AssignmentTitle.ToUpper().Contains(term));
        }
        var page = await Sorts.ToPageAsync(handIns, query,
            h => new ListedHandIn(h.Id, h.StudentName, h.AssignmentTitle, h.SubmittedUtc, h.IsLate, h.Grade), cancellation);
        return page.Map(h => new HandInRow(h.Id, h.StudentName, h.AssignmentTitle, h.Grade is not null, Cells(h)));
    }

    private MarkupString Cells(ListedHandIn h)
    {
        var cells = new RowCells()
            .Cell("Handed in", Describe(h.SubmittedUtc) + (h.IsLate ? " · late" : ""))
            .Cell("Student", h.StudentName, "wrap-anywhere")
            .Cell("Assignment", h.AssignmentTitle, "wrap-anywhere")
            .Open("Grade");
        return (h.Grade is { } grade
            ? cells.Text($"{grade} / 100")
            : cells.Span("mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-warning list-chip", "To grade")).Close().ToMarkup();
    }

    /// <summary>Its name starts with the text it shows, so "Regrade" is what a voice-control user says to press it.</summary>
    private static RowButton GradeButtonFor(HandInRow row)
    {
        var label = row.Graded ? "Regrade" : "Grade";
        return new(row.Id.ToString(), label, GradeButton, $"{label} {row.StudentName}: {row.AssignmentTitle}");
    }

    private async Task OpenAsync(string key)
    {
        var id = Guid.Parse(key);
        providers?.Place();
        await using (var db = await Contexts.CreateDbContextAsync())
            selected = await HandIns(db).SingleOrDefaultAsync(h => h.Id == id);
        if (selected is not null) return;
        // Handed in again and removed, or the student left this mentor's group since the list was loaded.
        Snackbar.Add("That hand-in is no longer here: it was handed in again or removed. The list is up to date again.", Severity.Warning);
        await list!.ReloadAsync();
    }

    private Task UngradedAsync(ChangeEventArgs change)
    {
        ungradedOnly = change.Value is true;
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private Task GradedAsync(int grade) => list!.ReloadAsync();

    private async Task PostedAsync()
    {
        creatingIn = null;
        await LoadAsync();
    }

    private async Task EditAsync(PostedAssignment assignment)
    {
        providers?.Place();
        await using var db = await Contexts.CreateDbContextAsync();
        editing = await db.Set<Assignment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assignment.Id && a.CreatedById == userId);
        if (editing is null) Snackbar.Add($"“{assignment.Title}” is gone.", Severity.Warning);
    }

    private async Task SavedAsync()
    {
        editing = null;
        await LoadAsync();
    }

    private async Task DeleteAsync(PostedAssignment assignment)
    {
        await (providers?.ReadyAsync() ?? Task.CompletedTask);
        if (!await ConfirmDialog.AskAsync(Dialogs, "Delete this assignment?",
                $"“{assignment.Title}” disappears for its students. Nobody has handed anything in yet, so no work is lost.", "Delete", destructive: true))
            return;
        deleting = assignment.Id;
        try
        {
            var result = await Actions.RunAsync<AssignmentService, Result>(s => s.DeleteAsync(userId, false, assignment.Id));
            Snackbar.Add(result.Succeeded ? $"“{assignment.Title}” deleted." : result.Summary, result.Succeeded ? Severity.Success : Severity.Error);
            if (result.Succeeded) await LoadAsync();
        }
        finally
        {
            deleting = null;
        }
    }

    private sealed record PostedAssignment(Guid Id, Guid ProgramId, string Title, DateTime DueUtc, bool WholeProgram, bool Mine, int HandIns);

    private sealed record ListedHandIn(Guid Id, string StudentName, string AssignmentTitle, DateTime SubmittedUtc, bool IsLate, int? Grade);

    /// <summary>A row of the list: its cells as markup, and what its grade button says and opens.</summary>
    private sealed record HandInRow(Guid Id, string StudentName, string AssignmentTitle, bool Graded, MarkupString Cells);

    private sealed class HandIn
    {
        public Guid Id { get; init; }
        public int Version { get; init; }
        public string AssignmentTitle { get; init; } = "";
        public string StudentName { get; init; } = "";
        public DateTime SubmittedUtc { get; init; }
        public bool IsLate { get; init; }
        public bool HasFile { get; init; }
        public string? FileName { get; init; }
        public string? LinkUrl { get; init; }
        public int? Grade { get; init; }
        public string? ReviewComments { get; init; }
    }
}
