using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Matching;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

public partial class AdminProgram
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly MarkupString EventIcon = SmallIcon(Icons.Material.Filled.Event), EventBusyIcon = SmallIcon(Icons.Material.Filled.EventBusy);

    private static readonly string OpenClass = MudButtonMarkup.Class(MudBlazor.Variant.Outlined, MudBlazor.Color.Primary);
    private static readonly Dictionary<Form, MarkupString> OpenLabels = new()
    {
        [Form.Details] = OpenLabel("Edit program details", Icons.Material.Filled.Edit),
        [Form.Person] = OpenLabel("Add a person", Icons.Material.Filled.PersonAdd),
        [Form.Automations] = OpenLabel("Edit automation settings", Icons.Material.Filled.Tune),
        [Form.Event] = OpenLabel("New event", Icons.Material.Filled.EventAvailable),
        [Form.Assignment] = OpenLabel("New assignment", Icons.Material.Filled.Assignment),
        [Form.Announcement] = OpenLabel("Write an announcement", Icons.Material.Filled.Campaign),
    };

    private static readonly IReadOnlyDictionary<string, object> NewCapacityLimits = new Dictionary<string, object> { ["min"] = 1, ["max"] = 200 };

    private static MarkupString OpenLabel(string label, string icon) => new(
        $"<span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-medium\">{MudMarkup.Icon(icon)}</span>{label}</span>");

    private static MarkupString SmallIcon(string svg) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{svg}</svg>");

    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> Contexts { get; set; } = default!;
    [Inject] private ScopedActions Actions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string zone = "UTC";
    private MentoringProgram? program;
    private bool loaded, assigning;
    private List<ProgramMember> members = [];
    private List<EventRow> events = [];
    private Dictionary<string, string> names = [];
    private Dictionary<string, int> experience = [], capacities = [];
    private Candidate? candidate;
    private AssignmentResult? preview;
    private string? asking;
    private int newCapacity = 10;
    private Result? addErrors;
    /// <summary>
    /// The last person added, said under the search while it stays open for the next one: a snackbar per person would
    /// stack up (five at most show, the next waits) and hide what comes after, such as the assignment's result.
    /// </summary>
    private string? added;
    private readonly HashSet<Form> writing = [];
    private ProvidersOnDemand? providers;

    /// <summary>Places the providers on the first touch or focus, then stops listening (a page only read never sends these).</summary>
    private EventCallback WakeProviders => providers?.Placed == true ? default : EventCallback.Factory.Create(this, () => providers?.Place());

    /// <summary>Before a dialog or snackbar whose click came without a touch or focus first (a screen reader's click).</summary>
    private Task ProvidersReadyAsync() => providers?.ReadyAsync() ?? Task.CompletedTask;

    private int Students => members.Count(m => m.Role == Roles.Student);
    private int Mentors => members.Count(m => m.Role == Roles.Mentor);

    protected override async Task OnParametersSetAsync()
    {
        zone = (await AuthenticationState).User.TimeZoneId();
        await LoadAsync();
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", Invariant);

    private async Task LoadAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        loaded = true;
        if (program is null) return;
        members = await db.ProgramMembers.AsNoTracking().Where(m => m.ProgramId == Id && m.LeftUtc == null)
            .OrderBy(m => m.Role).ThenBy(m => m.User!.DisplayName)
            .Select(m => new ProgramMember(m.UserId, m.User!.DisplayName, m.Role, m.User.YearsOfExperience, m.MentorId, m.MentorCapacity))
            .ToListAsync();
        if (preview is not null) Describe();
        var since = Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        events = await db.Set<ProgramEvent>().AsNoTracking().Where(e => e.ProgramId == Id && e.EndUtc > since)
            .OrderBy(e => e.StartUtc).Take(100).Select(e => new EventRow(e.Id, e.Title, e.StartUtc, e.EndUtc, e.CancelledUtc != null)).ToListAsync();
    }

    /// <summary>Approved mentors and students not in the program whose name contains the text, searched in the database.</summary>
    private async Task<IEnumerable<Candidate>> SearchCandidatesAsync(string? text, CancellationToken cancellation)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellation);
        var inProgram = db.ProgramMembers.Where(m => m.ProgramId == Id && m.LeftUtc == null).Select(m => m.UserId);
        var people = db.Users.AsNoTracking().Where(u => u.DeletedUtc == null && u.Approval == ApprovalStatus.Approved && !inProgram.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim().ToUpperInvariant();
            people = people.Where(u => u.DisplayName.ToUpper().Contains(term) || u.NormalizedEmail!.Contains(term));
        }
        return await people
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Id, u.DisplayName, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.Id, x.DisplayName, r.Name })
            .Where(x => x.Name == Roles.Mentor || x.Name == Roles.Student)
            .OrderBy(x => x.DisplayName).Take(20)
            .Select(x => new Candidate(x.Id, x.DisplayName, x.Name!)).ToListAsync(cancellation);
    }

    private async Task AddAsync()
    {
        if (candidate is not { } adding) return;
        addErrors = await Actions.RunAsync<ProgramService, Result>(s => s.AddMemberAsync(Id, adding.Id, newCapacity));
        added = addErrors.Succeeded ? $"Added {adding.Name} as a {adding.Role.ToLowerInvariant()}." : null;
        if (!addErrors.Succeeded) return;
        (candidate, preview) = (null, null);
        await LoadAsync();
    }

    private void Open(Form form)
    {
        providers?.Place();
        writing.Add(form);
    }

    /// <summary>Closes the person search and forgets what it held.</summary>
    private void CloseSearch()
    {
        writing.Remove(Form.Person);
        (candidate, addErrors, newCapacity, added) = (null, null, 10, null);
    }

    private async Task PreviewAsync()
    {
        providers?.Place();
        preview = await Actions.RunAsync<ProgramService, AssignmentResult?>(s => s.PreviewAsync(Id));
        Describe();
    }

    /// <summary>The people's names, experience and capacities the preview shows, made when it opens (not kept while it is closed).</summary>
    private void Describe()
    {
        names = members.ToDictionary(m => m.UserId, m => m.Name);
        experience = members.ToDictionary(m => m.UserId, m => m.Experience);
        capacities = members.Where(m => m.Role == Roles.Mentor).ToDictionary(m => m.UserId, m => m.Capacity);
    }

    private Task<(Result Result, AssignmentResult? Plan)> MoveAsync(string studentId, string mentorId)
    {
        var shown = preview!;
        return Actions.RunAsync<ProgramService, (Result, AssignmentResult?)>(s => s.MoveInPreviewAsync(Id, shown, studentId, mentorId));
    }

    private async Task AssignAsync()
    {
        if (preview is not { } shown) return;
        var placed = shown.Placements.Count();
        var question = $"Give {placed} student{(placed == 1 ? "" : "s")} their mentor? Each of them and each mentor who gains students is emailed.";
        if (!await ConfirmDialog.AskAsync(Dialogs, "Confirm the assignment", question, "Assign and notify")) return;
        assigning = true;
        try
        {
            var (result, plan) = await Actions.RunAsync<ProgramService, (Result, AssignmentResult?)>(s => s.AssignAsync(Id, shown));
            if (!result.Succeeded) { Snackbar.Add(result.Summary, Severity.Error); return; }
            Snackbar.Add($"Assigned {plan?.Placements.Count()} students; everyone affected was emailed.", Severity.Success);
            preview = null;
            await LoadAsync();
        }
        finally
        {
            assigning = false;
        }
    }

    private async Task RemoveMentorAsync(string mentorId)
    {
        await ProvidersReadyAsync();
        asking = mentorId;
        try
        {
            var removal = await Actions.RunAsync<ProgramService, MentorRemoval?>(s => s.PreviewRemoveMentorAsync(Id, mentorId));
            if (removal is null) { Snackbar.Add("That mentor is no longer in the program.", Severity.Warning); await LoadAsync(); return; }
            var dialog = await Dialogs.ShowAsync<MentorRemovalConfirm>($"Remove {removal.MentorName}?",
                new DialogParameters<MentorRemovalConfirm> { { d => d.Removal, removal } });
            if (await dialog.Result is not { Canceled: false }) return;
            var (result, plan) = await Actions.RunAsync<ProgramService, (Result, AssignmentResult?)>(s => s.RemoveMentorAsync(Id, removal.MentorId));
            if (!result.Succeeded) { Snackbar.Add(result.Summary, Severity.Error); return; }
            var waiting = plan is { Unplaced.Count: > 0 } ? $" {plan.Unplaced.Count} wait for a mentor." : "";
            Snackbar.Add($"{removal.MentorName} left; {plan?.Placements.Count()} of their students moved to other mentors.{waiting}", Severity.Success);
            preview = null;
            await LoadAsync();
        }
        finally
        {
            asking = null;
        }
    }

    private async Task SavedAsync(Form form)
    {
        writing.Remove(form);
        await LoadAsync();
    }

    private static string Rules(MentoringProgram program) =>
        $"Below an average of {program.ProbationThreshold.ToString("0.##", Invariant)} for {program.ProbationWeeks} week{(program.ProbationWeeks == 1 ? "" : "s")} in a row";

    private enum Form { Details, Automations, Event, Assignment, Announcement, Person }

    private sealed record EventRow(Guid Id, string Title, DateTime StartUtc, DateTime EndUtc, bool IsCancelled);

    private sealed record Candidate(string Id, string Name, string Role);
}
