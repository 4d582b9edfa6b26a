using Microsoft.AspNetCore.Components;
using MudBlazor;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Web.Components.Pages.Programs;

/// <summary>One person of a program as its page lists them.</summary>
public sealed record ProgramMember(string UserId, string Name, string Role, int Experience, string? MentorId, int Capacity);

public partial class ProgramMembers
{
    private const int PageSize = 25;
    private static readonly string[] Columns = ["Name", "Role", "Experience"];
    private static readonly string RemoveClass = MudButtonMarkup.Class(MudBlazor.Variant.Text, MudBlazor.Color.Error, Size.Small);
    private static readonly RenderFragment RemoveIcon = MudButtonMarkup.StartIcon(Icons.Material.Filled.PersonRemove, Size.Small);
    private static readonly MarkupString SortArrow = new(Icons.Material.Filled.ArrowUpward);
    private static readonly MarkupString PreviousIcon = MudMarkup.Icon(Icons.Material.Filled.NavigateBefore);
    private static readonly MarkupString NextIcon = MudMarkup.Icon(Icons.Material.Filled.NavigateNext);

    [Parameter, EditorRequired] public Guid ProgramId { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<ProgramMember> Members { get; set; } = [];
    /// <summary>The mentor whose removal is being asked about: their button waits.</summary>
    [Parameter] public string? Asking { get; set; }
    [Parameter] public EventCallback<string> OnRemove { get; set; }
    /// <summary>A capacity was saved: the page reloads its people.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private string sortBy = "Role";
    private bool descending;
    private int page;

    private IEnumerable<ProgramMember> PageOfMembers
    {
        get
        {
            var sorted = sortBy switch
            {
                "Name" => descending ? Members.OrderByDescending(m => m.Name) : Members.OrderBy(m => m.Name),
                "Experience" => descending ? Members.OrderByDescending(m => m.Experience) : Members.OrderBy(m => m.Experience),
                _ => descending ? Members.OrderByDescending(m => m.Role) : Members.OrderBy(m => m.Role),
            };
            return sorted.ThenBy(m => m.Name).Skip(page * PageSize).Take(PageSize);
        }
    }

    protected override void OnParametersSet()
    {
        // Someone left or the list got shorter: stay on a page that still has people.
        if (page * PageSize >= Members.Count) page = Math.Max(0, (Members.Count - 1) / PageSize);
    }

    private string? MentorName(string? mentorId) => mentorId is null ? null : Members.FirstOrDefault(m => m.UserId == mentorId)?.Name;

    private string Direction(string column) => column != sortBy ? "mud-direction-none" : descending ? "mud-direction-desc" : "mud-direction-asc";

    private void SortBy(string column)
    {
        (descending, sortBy, page) = (column == sortBy && !descending, column, 0);
    }

    private void ChooseSort(ChangeEventArgs e)
    {
        if (e.Value is string column && Columns.Contains(column)) (sortBy, descending, page) = (column, false, 0);
    }
}
