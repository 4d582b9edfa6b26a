using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;
using MudBlazor;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Reviews;

public partial class MentorReviews
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private static readonly MarkupString ChevronLeft = MudMarkup.Icon(Icons.Material.Filled.ChevronLeft);
    private static readonly MarkupString ChevronRight = MudMarkup.Icon(Icons.Material.Filled.ChevronRight);
    // MudButton's Variant.Text with the default colour.
    private const string WeekButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple";

    private string mentorId = "";
    private DateOnly week, thisWeek;
    private bool loaded;
    private List<GroupStudent> students = [];
    // The week's averages, not the reviews: a form loads its review when it opens.
    private Dictionary<(string, Guid), double> averages = [];
    private OpenForm? open;
    // Fixed when the week loads, so a card does not jump away the moment it is saved.
    private HashSet<(string, Guid)> reviewedIds = [];
    private HashSet<(string, Guid)> savedNow = [];

    private List<string> Due => students.Where(s => !reviewedIds.Contains(Key(s)) && !savedNow.Contains(Key(s))).Select(s => s.Name).ToList();

    private static (string, Guid) Key(GroupStudent student) => (student.StudentId, student.ProgramId);

    protected override async Task OnInitializedAsync()
    {
        mentorId = (await AuthenticationState).User.UserId()!;
        thisWeek = week = WeeklyReview.WeekOf(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        await LoadAsync();
    }

    private async Task MoveAsync(int days)
    {
        week = week.AddDays(days);
        await LoadAsync();
    }

    private async Task BackToThisWeekAsync()
    {
        week = thisWeek;
        await LoadAsync();
    }

    private async Task ReviewedAsync(GroupStudent student)
    {
        savedNow.Add(Key(student));
        await using var db = await Contexts.CreateDbContextAsync();
        var scores = await ReviewOf(db, student).Select(r => r.Scores).FirstOrDefaultAsync();
        if (scores is not null) averages[Key(student)] = WeeklyReview.AverageOf(scores);
    }

    private async Task OpenAsync(GroupStudent student)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        open = new OpenForm(student, await ReviewOf(db, student).AsNoTracking().FirstOrDefaultAsync());
    }

    private IQueryable<WeeklyReview> ReviewOf(AppDbContext db, GroupStudent student) =>
        db.Set<WeeklyReview>().Where(r => r.MentorId == mentorId && r.StudentId == student.StudentId && r.ProgramId == student.ProgramId && r.Week == week);

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.ProgramMembers.AsNoTracking().Where(m => m.MentorId == mentorId && m.LeftUtc == null)
            .Join(db.Programs, m => m.ProgramId, p => p.Id, (m, p) => new { m.ProgramId, m.UserId, m.User!.DisplayName, p.Name, p.ReviewCriteria })
            .OrderBy(x => x.DisplayName).ToListAsync();
        students = rows.Select(x => new GroupStudent(x.ProgramId, x.UserId, x.DisplayName, x.Name,
            x.ReviewCriteria.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList();
        var scores = await db.Set<WeeklyReview>().AsNoTracking().Where(r => r.MentorId == mentorId && r.Week == week)
            .Select(r => new { r.StudentId, r.ProgramId, r.Scores }).ToListAsync();
        averages = scores.ToDictionary(r => (r.StudentId, r.ProgramId), r => WeeklyReview.AverageOf(r.Scores));
        reviewedIds = averages.Keys.ToHashSet();
        savedNow = [];
        // The first student still to review has the form open, as the list shows them first.
        var first = students.Where(s => !reviewedIds.Contains(Key(s))).OrderBy(s => s.Name).FirstOrDefault();
        open = first is null ? null : new OpenForm(first, null);
        loaded = true;
    }

    private sealed record OpenForm(GroupStudent Student, WeeklyReview? Existing);

    private sealed record GroupStudent(Guid ProgramId, string StudentId, string Name, string ProgramName, IReadOnlyList<string> Criteria);
}
