using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Web;

public class ListSnapshotTests
{
    [Fact]
    public void The_live_page_gets_back_the_rows_prerendering_loaded_with_their_cells()
    {
        Row[] rows = [new(Guid.NewGuid(), true, Cells("Tom & Jerry's \"plan\"")), new(Guid.NewGuid(), false, Cells("<b>not markup</b>"))];

        var snapshot = ListSnapshot.Of(rows, 42, r => r.Cells);

        Assert.NotNull(snapshot);
        Assert.Equal(42, snapshot.Total);
        Assert.Equal(rows, snapshot.Restore<Row>());
    }

    [Fact]
    public void A_row_type_that_does_not_come_back_whole_is_not_kept_so_the_live_page_loads_it()
    {
        // A tuple's items are fields, which JSON leaves out: it would come back empty.
        (Guid Id, MarkupString Cells)[] rows = [(Guid.NewGuid(), Cells("Ada"))];

        Assert.Null(ListSnapshot.Of(rows, 1, r => r.Cells));
    }

    [Fact]
    public void A_page_too_large_for_the_message_that_starts_the_live_page_is_not_kept()
    {
        // Random text does not compress: 20 rows of 1 KB each are over the limit.
        var rows = Enumerable.Range(0, 20).Select(_ => Cells(Convert.ToHexString(RandomNumberGenerator.GetBytes(512)))).ToArray();

        Assert.Null(ListSnapshot.Of(rows, 20, r => r));
    }

    private static MarkupString Cells(string text) => new RowCells().Cell("Name", text).ToMarkup();

    private sealed record Row(Guid Id, bool Dead, MarkupString Cells);
}
