using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// A server-paged, sortable, searchable list in MudTable's look (toolbar with a live search, sortable headers, a pager,
/// labelled cards below the <see cref="Breakpoint"/>), drawn as plain elements in MudBlazor's classes by this one
/// component. A MudTable with its pager, sort labels, search field and selects is 50 to 200 components, each with its own
/// state and two render trees, kept for as long as the page is open; this is one, and each row's data cells are one
/// markup string (<see cref="RowCells"/>). Paging, sorting and the search stay in the page's database query
/// (<see cref="Load"/>, usually <see cref="SortableColumns{T}.ToPageAsync"/>).
/// The first page that prerendering loaded goes to the live page with it (<see cref="PrerenderedPage"/>), so the list
/// does not blink to "Loading…" and back when the page goes live; it is dropped once the live page has drawn it.
/// </summary>
public sealed partial class ListTable<TRow> : ComponentBase, IDisposable
{
    private static readonly MarkupString SearchIcon = Icon(Icons.Material.Filled.Search, "mud-icon-default mud-svg-icon mud-icon-size-medium mud-input-adornment-icon");
    private static readonly MarkupString AscendingIcon = SortIcon("mud-direction-asc");
    private static readonly MarkupString DescendingIcon = SortIcon("mud-direction-desc");
    private static readonly MarkupString UnsortedIcon = SortIcon("mud-direction-none");
    private static readonly MarkupString FirstIcon = ListIcons.Button(Icons.Material.Filled.FirstPage);
    private static readonly MarkupString BeforeIcon = ListIcons.Button(Icons.Material.Filled.NavigateBefore);
    private static readonly MarkupString NextIcon = ListIcons.Button(Icons.Material.Filled.NavigateNext);
    private static readonly MarkupString LastIcon = ListIcons.Button(Icons.Material.Filled.LastPage);
    private static int lists;

    /// <summary>Loads one page for the query; the page filters, sorts and pages in its database query.</summary>
    [Parameter, EditorRequired] public Func<ListQuery, CancellationToken, Task<ListPage<TRow>>> Load { get; set; } = null!;
    [Parameter, EditorRequired] public IReadOnlyList<ListColumn> Columns { get; set; } = [];
    /// <summary>A row's data cells, built once when its page loads.</summary>
    [Parameter, EditorRequired] public Func<TRow, MarkupString> Cells { get; set; } = null!;
    /// <summary>The last cell of each row: its button, or null where a row has none. It is drawn into the row's markup.</summary>
    [Parameter] public Func<TRow, RowButton?>? Action { get; set; }
    /// <summary>
    /// What a row's button does, given the button's key (<see cref="RowButton.Key"/>, one of the rows shown); the other
    /// rows' buttons wait until it has finished. The list keeps no row, so the page finds what it needs by the key.
    /// </summary>
    [Parameter] public EventCallback<string> OnAction { get; set; }
    /// <summary>More of the toolbar after the search (<see cref="ListSelect"/>, <see cref="ListCheckbox"/>); on a change the page calls <see cref="ReloadAsync"/>.</summary>
    [Parameter] public RenderFragment? Filters { get; set; }
    /// <summary>What an empty list says (context: the search text), with what to do next.</summary>
    [Parameter] public RenderFragment<string>? Empty { get; set; }
    [Parameter, EditorRequired] public string SearchLabel { get; set; } = "";
    [Parameter] public string? SearchPlaceholder { get; set; }
    [Parameter, EditorRequired] public string InitialSort { get; set; } = "";
    [Parameter] public bool InitialDescending { get; set; }
    /// <summary>Below this width each row is a labelled card (MudTable's Breakpoint).</summary>
    [Parameter] public Breakpoint Breakpoint { get; set; } = Breakpoint.Xs;
    /// <summary>The page sizes offered; the first is the size a list opens with.</summary>
    [Parameter] public int[] PageSizes { get; set; } = [20, 50, 100];
    /// <summary>False hides the pager while the whole list fits on the first page.</summary>
    [Parameter] public bool PagerWhenOnePage { get; set; } = true;
    [Parameter] public string? RowClass { get; set; }
    [Parameter] public string? Class { get; set; }
    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    /// <summary>
    /// The first page as prerendering loaded it, kept in the prerendered page for the live one (Blazor's persistent
    /// component state) and dropped as soon as the live list has its rows: an open page keeps nothing more. Updates are
    /// allowed so that a list reached by enhanced navigation (a menu link, in a circuit already open) gets its page too.
    /// </summary>
    [PersistentState(AllowUpdates = true)] public ListSnapshot? PrerenderedPage { get; set; }

    private readonly string idPrefix = $"list{Interlocked.Increment(ref lists)}";
    private MarkupString body;
    private string[] keys = [];
    private int shown;
    private (string Value, string Text)[] sortOptions = [];
    private string[] sortable = [];
    private string search = "", sortLabel = "";
    private bool descending, loading = true, acting;
    private int page, pageSize, total;
    private CancellationTokenSource? pending, searching;

    private string BreakpointName => Breakpoint switch
    {
        Breakpoint.Sm => "sm",
        Breakpoint.Md => "md",
        _ => "xs",
    };

    /// <summary>Prerendered and not yet live: the controls wait, so nothing typed or chosen before the page connects is lost.</summary>
    private bool Waiting => !RendererInfo.IsInteractive;

    private MarkupString PageSizeOptions => ListSelect.OptionsMarkup(
        PageSizes.Select(size => (size.ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture))),
        pageSize.ToString(CultureInfo.InvariantCulture));

    private int LastPage => Math.Max(0, (total - 1) / pageSize);

    private string PageInfo => total == 0 ? "0-0 of 0" : $"{page * pageSize + 1}-{Math.Min(total, (page + 1) * pageSize)} of {total}";

    protected override void OnInitialized()
    {
        sortLabel = InitialSort;
        descending = InitialDescending;
        pageSize = PageSizes[0];
        sortable = Columns.Where(c => c.SortLabel is not null).Select(c => c.SortLabel!).ToArray();
        sortOptions = Columns.Where(c => c.SortLabel is not null)
            .SelectMany(c => new[] { ($"{c.SortLabel}:asc", $"{c.Title}, ascending"), ($"{c.SortLabel}:desc", $"{c.Title}, descending") })
            .ToArray();
    }

    protected override Task OnInitializedAsync()
    {
        if (PrerenderedPage is { } prerendered)
        {
            PrerenderedPage = null;
            if (prerendered.Restore<TRow>() is { } restored)
            {
                Show(restored, prerendered.Total);
                loading = false;
                return Task.CompletedTask;
            }
        }
        return LoadAsync();
    }

    /// <summary>A later update of the prerendered page (enhanced navigation to the same page) is not kept: the list has its rows.</summary>
    protected override void OnParametersSet()
    {
        if (RendererInfo.IsInteractive) PrerenderedPage = null;
    }

    /// <summary>Loads the list again after a filter of the page or a row action changed it.</summary>
    public async Task ReloadAsync(bool fromFirstPage = false)
    {
        if (fromFirstPage) page = 0;
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        pending?.Cancel();
        var mine = pending = new CancellationTokenSource();
        loading = true;
        try
        {
            var result = await Load(new ListQuery(search.Trim(), sortLabel, descending, page, pageSize), mine.Token);
            if (result.Rows.Count == 0 && page > 0 && result.Total > 0)
            {
                // The list got shorter under the reader (a filter, a removal): show its last page instead of nothing.
                page = (result.Total - 1) / pageSize;
                result = await Load(new ListQuery(search.Trim(), sortLabel, descending, page, pageSize), mine.Token);
            }
            Show(result.Rows, result.Total);
            if (!RendererInfo.IsInteractive && AssignedRenderMode is not null) PrerenderedPage = ListSnapshot.Of(result.Rows, total, Cells);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            if (pending == mine) loading = false;
        }
    }

    /// <summary>
    /// Draws a loaded page as one markup string, each row's cells and its button, and keeps only that and the buttons'
    /// keys: holding the rows too would keep every row's markup twice. Before the page is live the buttons are disabled,
    /// so a click is never lost.
    /// </summary>
    private void Show(IReadOnlyList<TRow> page, int count)
    {
        total = count;
        shown = page.Count;
        var buttons = new List<string>(page.Count);
        var html = new StringBuilder();
        foreach (var row in page)
        {
            html.Append("<tr class=\"mud-table-row");
            if (RowClass is not null) html.Append(' ').Append(WebUtility.HtmlEncode(RowClass));
            html.Append("\">").Append(Cells(row).Value);
            if (Action is not null)
            {
                html.Append("<td class=\"mud-table-cell list-action\" data-label=\"\">");
                if (Action(row) is { } button)
                {
                    button.AppendTo(html, disabled: Waiting);
                    buttons.Add(button.Key);
                }
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        keys = [.. buttons];
        body = new MarkupString(html.ToString());
    }

    /// <summary>
    /// A click on a row's button: the page's action for that row, one at a time. Only the buttons of the rows shown count:
    /// a key from rows the list has since replaced, or one the browser made up, does nothing.
    /// </summary>
    private async Task ActAsync(RowActionEventArgs e)
    {
        if (acting || e.Key is not { } key || !keys.Contains(key)) return;
        acting = true;
        try
        {
            await OnAction.InvokeAsync(key);
        }
        finally
        {
            acting = false;
        }
    }

    /// <summary>Live search: the list reloads 300 ms after the last keystroke, from its first page.</summary>
    private async Task SearchAsync(ChangeEventArgs e)
    {
        search = e.Value as string ?? "";
        searching?.Cancel();
        var mine = searching = new CancellationTokenSource();
        try
        {
            await Task.Delay(300, mine.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        page = 0;
        await LoadAsync();
    }

    private Task SortAsync(string label)
    {
        descending = label == sortLabel && !descending;
        sortLabel = label;
        page = 0;
        return LoadAsync();
    }

    private Task SortByAsync(ChangeEventArgs e)
    {
        if (e.Value is not string choice || choice.Split(':') is not [var label, var direction] || !sortable.Contains(label)) return Task.CompletedTask;
        sortLabel = label;
        descending = direction == "desc";
        page = 0;
        return LoadAsync();
    }

    private Task PageSizeAsync(ChangeEventArgs e)
    {
        if (!int.TryParse(e.Value as string, out var size) || !PageSizes.Contains(size)) return Task.CompletedTask;
        pageSize = size;
        page = 0;
        return LoadAsync();
    }

    private Task GoToAsync(int target)
    {
        page = Math.Clamp(target, 0, LastPage);
        return LoadAsync();
    }

    private RenderFragment SortSelect() => new ListSelect($"{idPrefix}-sort", "Sort by", $"{sortLabel}:{(descending ? "desc" : "asc")}",
        sortOptions, EventCallback.Factory.Create<ChangeEventArgs>(this, SortByAsync)) { Disabled = Waiting }.Render();

    private static string PagerButtonClass(bool disabled) =>
        disabled ? "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-flip-x-rtl mud-disabled" : "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-flip-x-rtl";

    private static MarkupString SortIcon(string direction) =>
        Icon(Icons.Material.Filled.ArrowUpward, $"mud-svg-icon mud-icon-size-medium mud-table-sort-label-icon {direction}");

    private static MarkupString Icon(string svg, string classes) => new(
        $"<svg class=\"mud-icon-root {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{svg}</svg>");

    public void Dispose()
    {
        pending?.Cancel();
        searching?.Cancel();
    }
}
