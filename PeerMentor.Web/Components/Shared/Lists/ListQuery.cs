namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>What a <see cref="ListTable{TRow}"/> asks its page for: the search text, the sort column and direction, one page.</summary>
public sealed record ListQuery(string Search, string SortLabel, bool Descending, int Page, int PageSize);

/// <summary>One page of rows and the number of rows the whole filtered list has.</summary>
public sealed record ListPage<TRow>(IReadOnlyList<TRow> Rows, int Total)
{
    /// <summary>The same page as what the list keeps of each row (usually its cells as markup, built once).</summary>
    public ListPage<TOut> Map<TOut>(Func<TRow, TOut> map) => new(Rows.Select(map).ToList(), Total);
}

/// <summary>
/// A column header of a <see cref="ListTable{TRow}"/>: sortable when it names a <see cref="SortLabel"/> of the page's
/// <see cref="SortableColumns{T}"/>; a <see cref="Hidden"/> title is only read by screen readers (an actions column).
/// </summary>
public sealed record ListColumn(string Title, string? SortLabel = null, bool Hidden = false);
