using Bunit;
using Microsoft.AspNetCore.Components;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Components.Shared;

/// <summary>
/// A list's row buttons are part of the rows' markup (RowButton) and reach the page through one handler on the list's
/// body: the row clicked is the row acted on, a click on a row the list no longer shows does nothing, and one action
/// runs at a time.
/// </summary>
public class ListTableTests : ComponentTest
{
    private readonly List<string> acted = [];
    private string[] names = ["Ada", "Ben", "Cleo"];
    private Func<string, Task> action = _ => Task.CompletedTask;

    public ListTableTests() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task A_rows_button_acts_on_that_row()
    {
        var cut = RenderList();

        await Button(cut, "Ben").ClickRowActionAsync();

        Assert.Equal(["Ben"], acted);
    }

    [Fact]
    public async Task A_click_on_a_row_the_list_no_longer_shows_does_nothing()
    {
        var cut = RenderList();
        var gone = Button(cut, "Cleo").GetAttribute("data-row-action");

        names = ["Dana", "Ben"];
        await cut.InvokeAsync(() => cut.Instance.ReloadAsync());
        await cut.Find("tbody").TriggerEventAsync("onrowaction", new RowActionEventArgs { Key = gone });
        await cut.Find("tbody").TriggerEventAsync("onrowaction", new RowActionEventArgs { Key = "made up" });

        Assert.Empty(acted);
        await Button(cut, "Ben").ClickRowActionAsync();
        Assert.Equal(["Ben"], acted);
    }

    [Fact]
    public async Task While_one_rows_action_runs_the_list_is_busy_and_other_rows_wait()
    {
        var dialog = new TaskCompletionSource();
        action = _ => dialog.Task;
        var cut = RenderList();

        var first = Button(cut, "Ada").ClickRowActionAsync();
        Assert.Equal("true", cut.Find("tbody").GetAttribute("aria-busy"));
        Assert.Contains("list-acting", cut.Find("tbody").ClassList);
        await Button(cut, "Cleo").ClickRowActionAsync();
        dialog.SetResult();
        await first;

        Assert.Equal(["Ada"], acted);
        Assert.False(cut.Find("tbody").HasAttribute("aria-busy"));
        await Button(cut, "Cleo").ClickRowActionAsync();
        Assert.Equal(["Ada", "Cleo"], acted);
    }

    [Fact]
    public void Before_the_page_is_live_the_buttons_are_disabled_so_no_click_is_lost()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderList();

        Assert.All(cut.FindAll("tbody button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void A_row_without_a_button_keeps_its_action_cell_and_a_label_is_text_not_markup()
    {
        names = ["<b>Eve</b>", "Finn"];

        var cut = RenderList(row => row == "Finn" ? null : new RowButton(row, $"Open {row}", "mud-button-root"));

        var cells = cut.FindAll("tbody td.list-action");
        Assert.Equal(2, cells.Count);
        Assert.Equal("Open <b>Eve</b>", cells[0].QuerySelector("button")!.TextContent);
        Assert.Null(cells[1].QuerySelector("button"));
    }

    [Fact]
    public void Rows_with_no_button_at_all_are_still_listed()
    {
        var cut = RenderList(_ => null);

        Assert.Equal(["Ada", "Ben", "Cleo"], cut.FindAll("tbody td[data-label=Name]").Select(td => td.TextContent).ToArray());
        Assert.Empty(cut.FindAll("tbody .mud-table-empty-row"));
    }

    private IRenderedComponent<ListTable<string>> RenderList(Func<string, RowButton?>? button = null) =>
        Render<ListTable<string>>(p => p
            .Add(x => x.Load, (_, _) => Task.FromResult(new ListPage<string>(names, names.Length)))
            .Add(x => x.Columns, [new ListColumn("Name"), new ListColumn("Action", Hidden: true)])
            .Add(x => x.Cells, row => new RowCells().Cell("Name", row).ToMarkup())
            .Add(x => x.Action, button ?? (row => new RowButton(row, "Open", "mud-button-root", $"Open {row}")))
            .Add(x => x.OnAction, async (string key) => { await action(key); acted.Add(key); })
            .Add(x => x.SearchLabel, "Search")
            .Add(x => x.InitialSort, ""));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ListTable<string>> cut, string row) =>
        cut.Find($"tbody button[aria-label='Open {row}']");
}
