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
    private static readonly SortableColumns<HandInRow> Columns = new SortableColumns<HandInRow>("submitted", defaultDescending: true)
        .Add("submitted", h => h.SubmittedUtc)
        .Add("student", h => h.StudentName)
        .Add("assignment", h => h.AssignmentTitle)
        .ThenBy(h => h.Id);

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private static readonly MarkupString CloseIcon = MudMarkup.Icon(Icons.Material.Filled.Close);
    private static readonly MarkupString AddIcon = MudMarkup.Icon(Icons.Material.Filled.Add);
    private static readonly MarkupString EditIcon = MudMarkup.Icon(Icons.Material.Filled.Edit);
    private static readonly MarkupString DeleteIcon = MudMarkup.Icon(Icons.Material.Filled.Delete);
    private static readonly string TextButton = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary);
    private const string DeleteButton = "mud-button-root mud-button mud-button-text mud-button-text-error mud-button-text-size-medium mud-ripple";

    private string userId = "", zone = "UTC", search = "";
    private bool loaded, paged, ungradedOnly = true;
    private List<(Guid Id, string Name)> programs = [];
    // What the cards show, not the assignments themselves (their instructions can be long); the one being edited is loaded on demand.
    private List<PostedAssignment> assignments = [];
    private MudTable<HandInRow>? table;
    private HandInRow? selected;
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
        if (table is not null) await table.ReloadServerData();
    }

    /// <summary>Only this mentor's own students' work, in the program the assignment belongs to; one page, filtered and sorted in SQL.</summary>
    private async Task<TableData<HandInRow>> LoadHandInsAsync(TableState state, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = from s in db.Set<Submission>()
                    join a in db.Set<Assignment>() on s.AssignmentId equals a.Id
                    join m in db.ProgramMembers on new { a.ProgramId, UserId = s.StudentId } equals new { m.ProgramId, m.UserId }
                    join u in db.Users on s.StudentId equals u.Id
                    where m.MentorId == userId && m.LeftUtc == null
                    select new HandInRow
                    {
                        Id = s.Id, Version = s.Version, AssignmentTitle = a.Title, StudentName = u.DisplayName, SubmittedUtc = s.SubmittedUtc,
                        IsLate = s.IsLate, HasFile = s.StoredName != null, FileName = s.FileName, LinkUrl = s.LinkUrl, Grade = s.Grade,
                        ReviewComments = s.ReviewComments,
                    };
        if (ungradedOnly) query = query.Where(h => h.Grade == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(h => h.StudentName.ToUpper().Contains(term) || h.AssignmentTitle.ToUpper().Contains(term));
        }
        var data = await Columns.ToTableDataAsync(query, state, h => h, cancellation);
        // Also past the first page, so whoever narrowed the list from page 2 still has the way back.
        paged = data.TotalItems > state.PageSize || state.Page > 0;
        return data;
    }

    private Task SearchAsync(string value) { search = value; return table!.ReloadServerData(); }

    private Task UngradedAsync(bool value) { ungradedOnly = value; return table!.ReloadServerData(); }

    private Task GradedAsync(int grade) => table!.ReloadServerData();

    private async Task PostedAsync()
    {
        creatingIn = null;
        await LoadAsync();
    }

    private async Task EditAsync(PostedAssignment assignment)
    {
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

    private sealed class HandInRow
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
