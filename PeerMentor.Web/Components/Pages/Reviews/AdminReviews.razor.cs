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
    private static readonly SortableColumns<AdminReviewRow> Sorts = new SortableColumns<AdminReviewRow>("week", defaultDescending: true)
        .Add("week", r => r.Week)
        .Add("mentor", r => r.MentorName)
        .Add("student", r => r.StudentName)
        .ThenBy(r => r.Id);

    private static readonly ListColumn[] Columns =
        [new("Week", "week"), new("Mentor", "mentor"), new("Student", "student"), new("Points"), new("Feedback"), new("Action", Hidden: true)];

    private static readonly MarkupString EditIcon = ListIcons.Button(Icons.Material.Filled.Edit);

    /// <summary>MudIconButton's look: outlined, primary, small.</summary>
    private const string ReviseButtonClass =
        "mud-button-root mud-icon-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple mud-ripple-icon mud-icon-button-size-small";

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private ScopedActions Actions { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>
    /// The program filter's choices as prerendering loaded them, handed to the live page so the filter is not empty for a
    /// moment when the page goes live (also when it is reached by a menu link); dropped once read.
    /// </summary>
    [PersistentState(AllowUpdates = true)] public ProgramChoice[]? PrerenderedPrograms { get; set; }

    private ListTable<ReviewRow>? list;
    private ProvidersOnDemand? providers;
    private (string Value, string Text)[] programs = [];
    private Guid? programId;

    protected override async Task OnInitializedAsync()
    {
        var choices = PrerenderedPrograms;
        PrerenderedPrograms = null;
        if (choices is null)
        {
            await using var db = await Contexts.CreateDbContextAsync();
            choices = await db.Programs.AsNoTracking().OrderByDescending(p => p.StartsOn).Select(p => new ProgramChoice(p.Id, p.Name)).ToArrayAsync();
            if (!RendererInfo.IsInteractive && AssignedRenderMode is not null) PrerenderedPrograms = choices;
        }
        programs = [("", "All programs"), .. choices.Select(p => (p.Id.ToString(), p.Name))];
    }

    /// <summary>A later update of the prerendered choices (a menu link to this page) is not kept: the filter has them.</summary>
    protected override void OnParametersSet()
    {
        if (RendererInfo.IsInteractive) PrerenderedPrograms = null;
    }

    private static RowButton ReviseButton(ReviewRow row) => new(row.Id.ToString(), "Revise", ReviseButtonClass, row.ReviseLabel, EditIcon);

    private RenderFragment ProgramFilter() => new ListSelect("review-program", "Program", programId?.ToString() ?? "", programs,
        EventCallback.Factory.Create<ChangeEventArgs>(this, ProgramAsync)) { Disabled = !RendererInfo.IsInteractive }.Render();

    /// <summary>One page of reviews: filtered, sorted and paged in the database (a count and a page), kept as row markup.</summary>
    private async Task<ListPage<ReviewRow>> LoadAsync(ListQuery list, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var query = Reviews(db);
        if (programId is { } program) query = query.Where(r => r.ProgramId == program);
        if (list.Search.Length > 0)
        {
            var term = list.Search.ToUpperInvariant();
            query = query.Where(r => r.MentorName.ToUpper().Contains(term) || r.StudentName.ToUpper().Contains(term));
        }
        var page = await Sorts.ToPageAsync(query, list, r => r, cancellation);
        return new ListPage<ReviewRow>(page.Rows.Select(ReviewRow.Of).ToList(), page.Total);
    }

    private static IQueryable<AdminReviewRow> Reviews(AppDbContext db) =>
        from r in db.Set<WeeklyReview>()
        join p in db.Programs on r.ProgramId equals p.Id
        join m in db.Users on r.MentorId equals m.Id
        join s in db.Users on r.StudentId equals s.Id
        select new AdminReviewRow
        {
            Id = r.Id, Week = r.Week, ProgramId = p.Id, ProgramName = p.Name, Criteria = p.ReviewCriteria, MentorName = m.DisplayName,
            StudentName = s.DisplayName, Scores = r.Scores, Feedback = r.Feedback, Revisions = r.Changes.Count,
        };

    private Task ProgramAsync(ChangeEventArgs e)
    {
        programId = Guid.TryParse(e.Value as string, out var id) ? id : null;
        return list!.ReloadAsync(fromFirstPage: true);
    }

    private static string PointsText(string scores) =>
        string.Join(" · ", WeeklyReview.ParseScores(scores).Select(p => $"{p.Key} {p.Value}"));

    private async Task ReviseAsync(string key)
    {
        var reviewId = Guid.Parse(key);
        await (providers?.ReadyAsync() ?? Task.CompletedTask);
        AdminReviewRow? row;
        await using (var db = await Contexts.CreateDbContextAsync())
            row = await Reviews(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId);
        if (row is null)
        {
            Snackbar.Add("This review is gone; the list is up to date again.", Severity.Warning);
            await list!.ReloadAsync();
            return;
        }
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

            var admin = (await AuthenticationState).User.UserId()!;
            errors = await Actions.RunAsync<ReviewService, Result>(s => s.ReviseAsAdminAsync(admin, row.Id, draft.Scored(), draft.Feedback ?? ""));
            if (errors.Succeeded) break;
        }
        Snackbar.Add($"Saved; the change is in {row.StudentName}'s review history.", Severity.Success);
        await list!.ReloadAsync();
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

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A program the filter offers.</summary>
    public sealed record ProgramChoice(Guid Id, string Name);

    /// <summary>A loaded review: its id, its button's name and its cells as markup.</summary>
    private sealed record ReviewRow(Guid Id, string ReviseLabel, MarkupString Cells)
    {
        public static ReviewRow Of(AdminReviewRow r) => new(r.Id, $"Revise {r.StudentName}'s review for the week of {Day(r.Week)}", new RowCells()
            .Open("Week").Span("nowrap", Day(r.Week)).Span("cell-detail", r.ProgramName).Close()
            .Cell("Mentor", r.MentorName, "wrap-anywhere name-cell")
            .Cell("Student", r.StudentName, "wrap-anywhere name-cell")
            .Open("Points", "points-cell").Strong(WeeklyReview.AverageOf(r.Scores).ToString("0.0", CultureInfo.InvariantCulture))
                .Span("cell-detail", PointsText(r.Scores)).Close()
            // Three lines show; the whole text is in the Revise dialog.
            .Open("Feedback", "feedback-cell").Span("feedback-clamp", RowCells.Excerpt(r.Feedback))
                .Span("cell-detail", r.Revisions switch { 0 => null, 1 => "Revised once", var n => $"Revised {n} times" }).Close()
            .ToMarkup());
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
