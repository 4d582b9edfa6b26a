using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Reviews;

public partial class AdminReviews
{
    private static readonly SortableColumns<AdminReviewRow> Columns = new SortableColumns<AdminReviewRow>("week", defaultDescending: true)
        .Add("week", r => r.Week)
        .Add("mentor", r => r.MentorName)
        .Add("student", r => r.StudentName)
        .ThenBy(r => r.Id);

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private MudTable<AdminReviewRow>? table;
    private List<(Guid Id, string Name)> programs = [];
    private string search = "";
    private Guid? programId, revising;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        programs = (await db.Programs.AsNoTracking().OrderByDescending(p => p.StartsOn).Select(p => new { p.Id, p.Name }).ToListAsync())
            .Select(p => (p.Id, p.Name)).ToList();
    }

    /// <summary>One page of reviews: filtered, sorted and paged in the database (a count and a page).</summary>
    private async Task<TableData<AdminReviewRow>> LoadAsync(TableState state, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = from r in db.Set<WeeklyReview>()
                    join p in db.Programs on r.ProgramId equals p.Id
                    join m in db.Users on r.MentorId equals m.Id
                    join s in db.Users on r.StudentId equals s.Id
                    select new AdminReviewRow
                    {
                        Id = r.Id, Week = r.Week, ProgramId = p.Id, ProgramName = p.Name, Criteria = p.ReviewCriteria, MentorName = m.DisplayName,
                        StudentName = s.DisplayName, Scores = r.Scores, Feedback = r.Feedback, Revisions = r.Changes.Count,
                    };
        if (programId is { } program) query = query.Where(r => r.ProgramId == program);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(r => r.MentorName.ToUpper().Contains(term) || r.StudentName.ToUpper().Contains(term));
        }
        return await Columns.ToTableDataAsync(query, state, r => r, cancellation);
    }

    private Task SearchAsync(string value) { search = value; return table!.ReloadServerData(); }

    private Task ProgramAsync(Guid? value) { programId = value; return table!.ReloadServerData(); }

    private static string PointsText(string scores) =>
        string.Join(" · ", WeeklyReview.ParseScores(scores).Select(p => $"{p.Key} {p.Value}"));

    private async Task ReviseAsync(AdminReviewRow row)
    {
        var criteria = row.Criteria.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var draft = ReviewDraft.For(criteria, WeeklyReview.ParseScores(row.Scores), row.Feedback);
        var history = await HistoryAsync(row.Id);
        var subject = $"{row.StudentName}, reviewed by {row.MentorName}, week of {row.Week.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({row.ProgramName})";
        Result? errors = null;
        // The dialog only returns the draft; a refusal by the rubric opens it again with the reasons beside the fields.
        while (true)
        {
            var dialog = await Dialogs.ShowAsync<ReviseReviewDialog>("Revise this review", new DialogParameters<ReviseReviewDialog>
            {
                { d => d.Draft, draft }, { d => d.StudentName, row.StudentName }, { d => d.Subject, subject },
                { d => d.History, history }, { d => d.Errors, errors },
            }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
            if (await dialog.Result is not { Canceled: false }) return;

            revising = row.Id;
            try
            {
                var admin = (await AuthenticationState).User.UserId()!;
                errors = await Actions.RunAsync<ReviewService, Result>(s => s.ReviseAsAdminAsync(admin, row.Id, draft.Scored(), draft.Feedback ?? ""));
            }
            finally
            {
                revising = null;
            }
            if (errors.Succeeded) break;
        }
        Snackbar.Add($"Saved; the change is in {row.StudentName}'s review history.", Severity.Success);
        await table!.ReloadServerData();
    }

    private async Task<List<string>> HistoryAsync(Guid reviewId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var changes = await (from c in db.Set<ReviewChange>()
                             join u in db.Users on c.ChangedById equals u.Id
                             where c.ReviewId == reviewId
                             orderby c.ChangedUtc descending
                             select new { c.ChangedUtc, u.DisplayName, c.PreviousScores, c.PreviousFeedback }).AsNoTracking().ToListAsync();
        return changes.Select(c => $"{c.ChangedUtc.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC, changed by {c.DisplayName}. It said: "
            + $"{PointsText(c.PreviousScores)}; “{c.PreviousFeedback}”").ToList();
    }

    private sealed class AdminReviewRow
    {
        public Guid Id { get; init; }
        public DateOnly Week { get; init; }
        public Guid ProgramId { get; init; }
        public string ProgramName { get; init; } = "";
        public string Criteria { get; init; } = "";
        public string MentorName { get; init; } = "";
        public string StudentName { get; init; } = "";
        public string Scores { get; init; } = "";
        public string Feedback { get; init; } = "";
        public int Revisions { get; init; }
    }
}
