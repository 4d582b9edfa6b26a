using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Reviews;
using PeerMentor.Web.Auth;

namespace PeerMentor.Web.Components.Pages.Reviews;

public partial class MentorReviews
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    private string mentorId = "";
    private DateOnly week, thisWeek;
    private bool loaded;
    private List<GroupStudent> students = [];
    private List<WeeklyReview> reviews = [];
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

    private void Reviewed(GroupStudent student) => savedNow.Add(Key(student));

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.ProgramMembers.AsNoTracking().Where(m => m.MentorId == mentorId && m.LeftUtc == null)
            .Join(db.Programs, m => m.ProgramId, p => p.Id, (m, p) => new { m.ProgramId, m.UserId, m.User!.DisplayName, p.Name, p.ReviewCriteria })
            .OrderBy(x => x.DisplayName).ToListAsync();
        students = rows.Select(x => new GroupStudent(x.ProgramId, x.UserId, x.DisplayName, x.Name,
            x.ReviewCriteria.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList();
        reviews = await db.Set<WeeklyReview>().AsNoTracking().Where(r => r.MentorId == mentorId && r.Week == week).ToListAsync();
        reviewedIds = reviews.Select(r => (r.StudentId, r.ProgramId)).ToHashSet();
        savedNow = [];
        loaded = true;
    }

    private sealed record GroupStudent(Guid ProgramId, string StudentId, string Name, string ProgramName, IReadOnlyList<string> Criteria);
}
