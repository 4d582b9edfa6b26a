using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Programs;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Web.Components.Pages.Programs;

/// <summary>One person of a program as its page lists them.</summary>
public sealed record ProgramMember(string UserId, string Name, string Role, int Experience, string? MentorId, int Capacity);

public partial class ProgramMembers
{
    private const int PageSize = 25;
    private static readonly string[] Columns = ["Name", "Role", "Experience"];
    private static readonly (string Value, string Text)[] SortOptions =
        Columns.SelectMany(c => new[] { ($"{c}:asc", $"{c}, ascending"), ($"{c}:desc", $"{c}, descending") }).ToArray();
    private static readonly string RemoveClass = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Error, Size.Small);
    private static readonly string SaveClass = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Primary, Size.Small);
    // Button labels as one markup string each: a frame per button instead of five or more.
    private static readonly MarkupString RemoveLabel = new(
        $"<span class=\"mud-button-label\"><span class=\"mud-button-icon-start mud-button-icon-size-small\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{Icons.Material.Filled.PersonRemove}</svg></span>Remove</span>");
    private static readonly MarkupString SaveLabel = new("<span class=\"mud-button-label\">Save capacity</span>");
    private static readonly MarkupString AscendingIcon = SortIcon("mud-direction-asc"), DescendingIcon = SortIcon("mud-direction-desc"),
        UnsortedIcon = SortIcon("mud-direction-none");
    private static readonly MarkupString PreviousIcon = MudMarkup.Icon(Icons.Material.Filled.NavigateBefore);
    private static readonly MarkupString NextIcon = MudMarkup.Icon(Icons.Material.Filled.NavigateNext);
    private static readonly IReadOnlyDictionary<string, object> CapacityLimits = new Dictionary<string, object> { ["min"] = 0, ["max"] = 200, ["step"] = 1 };

    [Parameter, EditorRequired] public Guid ProgramId { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<ProgramMember> Members { get; set; } = [];
    /// <summary>The mentor whose removal is being asked about: their button waits.</summary>
    [Parameter] public string? Asking { get; set; }
    [Parameter] public EventCallback<string> OnRemove { get; set; }
    /// <summary>A capacity was saved: the page reloads its people.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }
    /// <summary>Makes sure the page's snackbar can show (see AdminProgram's providers).</summary>
    [Parameter] public Func<Task>? Ready { get; set; }

    private string sortBy = "Role";
    private bool descending;
    private int page;
    private IReadOnlyList<ProgramMember>? listed;
    /// <summary>The page of people shown, each with its data cells as one markup string (built when the page changes, not per render).</summary>
    private (ProgramMember Member, MarkupString Cells)[] shown = [];
    /// <summary>Capacities typed but not yet saved, a save under way, or the domain's refusal, per mentor.</summary>
    private readonly Dictionary<string, CapacityEdit> edits = [];

    public override Task SetParametersAsync(ParameterView parameters)
    {
        // The page draws again for its own reasons (a busy button, a dialog): with the same people and the same question
        // this table stays as it is drawn, and keeps one render tree of its size instead of two.
        if (listed is not null && ReferenceEquals(parameters.GetValueOrDefault<IReadOnlyList<ProgramMember>>(nameof(Members)), Members)
            && parameters.GetValueOrDefault<string>(nameof(Asking)) == Asking && parameters.GetValueOrDefault<Guid>(nameof(ProgramId)) == ProgramId)
        {
            return Task.CompletedTask;
        }
        return base.SetParametersAsync(parameters);
    }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(listed, Members)) return;
        listed = Members;
        // Someone left or the list got shorter: stay on a page that still has people.
        if (page * PageSize >= Members.Count) page = Math.Max(0, (Members.Count - 1) / PageSize);
        // A capacity saved (here or elsewhere) or a mentor gone: what was typed for them no longer applies.
        foreach (var (mentorId, edit) in edits.ToArray())
        {
            if (Members.FirstOrDefault(m => m.UserId == mentorId) is not { } mentor || mentor.Capacity != edit.From) edits.Remove(mentorId);
        }
        Show();
    }

    private void Show()
    {
        var sorted = sortBy switch
        {
            "Name" => descending ? Members.OrderByDescending(m => m.Name) : Members.OrderBy(m => m.Name),
            "Experience" => descending ? Members.OrderByDescending(m => m.Experience) : Members.OrderBy(m => m.Experience),
            _ => descending ? Members.OrderByDescending(m => m.Role) : Members.OrderBy(m => m.Role),
        };
        shown = sorted.ThenBy(m => m.Name).Skip(page * PageSize).Take(PageSize).Select(m => (m, Cells(m))).ToArray();
    }

    /// <summary>Name, role and experience, and a student's mentor (a mentor's capacity and buttons are live cells after these).</summary>
    private MarkupString Cells(ProgramMember member)
    {
        var name = WebUtility.HtmlEncode(member.Name);
        var html = new StringBuilder()
            .Append("<td class=\"mud-table-cell\" data-label=\"Name\" data-testid=\"member\" data-name=\"").Append(name).Append("\">").Append(name).Append("</td>")
            .Append("<td class=\"mud-table-cell\" data-label=\"Role\">").Append(WebUtility.HtmlEncode(member.Role)).Append("</td>")
            .Append("<td class=\"mud-table-cell\" data-label=\"Experience\">").Append(member.Experience.ToString(CultureInfo.InvariantCulture)).Append(" y</td>");
        if (member.Role != Roles.Mentor)
        {
            var mentor = member.MentorId is null ? null : Members.FirstOrDefault(m => m.UserId == member.MentorId)?.Name;
            html.Append("<td class=\"mud-table-cell\" data-label=\"Mentor\" data-testid=\"member-mentor\">")
                .Append(WebUtility.HtmlEncode(mentor ?? "not assigned")).Append("</td><td class=\"mud-table-cell\" data-label=\"\"></td>");
        }
        return new MarkupString(html.ToString());
    }

    private void SortBy(string column)
    {
        (descending, sortBy, page) = (column == sortBy && !descending, column, 0);
        Show();
    }

    private void ChooseSort(ChangeEventArgs e)
    {
        if (e.Value is not string choice || choice.Split(':') is not [var column, var direction] || !Columns.Contains(column)) return;
        (sortBy, descending, page) = (column, direction == "desc", 0);
        Show();
    }

    private void GoTo(int target)
    {
        page = Math.Clamp(target, 0, Math.Max(0, (Members.Count - 1) / PageSize));
        Show();
    }

    /// <summary>On phones the headers are hidden: the sort order is this select, in the look of the lists' own.</summary>
    private RenderFragment SortSelect() => new ListSelect("members-sort", "Sort by", $"{sortBy}:{(descending ? "desc" : "asc")}", SortOptions,
        EventCallback.Factory.Create<ChangeEventArgs>(this, ChooseSort)) { Disabled = !RendererInfo.IsInteractive }.Render();

    private void Type(ProgramMember mentor, ChangeEventArgs e)
    {
        var value = int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        edits[mentor.UserId] = new CapacityEdit(mentor.Capacity, value);
    }

    private async Task SaveCapacityAsync(ProgramMember mentor)
    {
        if (Ready is not null) await Ready();
        var capacity = edits.GetValueOrDefault(mentor.UserId)?.Value ?? mentor.Capacity;
        edits[mentor.UserId] = new CapacityEdit(mentor.Capacity, capacity) { Saving = true };
        var result = await Actions.RunAsync<ProgramService, Result>(s => s.SetMentorCapacityAsync(ProgramId, mentor.UserId, capacity));
        if (!result.Succeeded)
        {
            edits[mentor.UserId] = new CapacityEdit(mentor.Capacity, capacity) { Error = result.Summary };
            return;
        }
        edits.Remove(mentor.UserId);
        Snackbar.Add($"{mentor.Name} takes {capacity} students.", Severity.Success);
        await OnChanged.InvokeAsync();
    }

    private static MarkupString SortIcon(string direction) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium mud-table-sort-label-icon {direction}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{Icons.Material.Filled.ArrowUpward}</svg>");

    /// <summary>What an admin typed for a mentor whose saved capacity was <paramref name="From"/>.</summary>
    private sealed record CapacityEdit(int From, int Value)
    {
        public bool Saving { get; init; }
        public string? Error { get; init; }
    }
}
