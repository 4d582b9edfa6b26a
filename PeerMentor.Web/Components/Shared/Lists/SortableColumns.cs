using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// The sortable columns of one server-paged list, named once by the page: turns a MudTable's state (sort label,
/// direction, page, page size) into ORDER BY / OFFSET / LIMIT on the EF query, so only one page leaves the database.
/// </summary>
public sealed class SortableColumns<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> columns = new(StringComparer.Ordinal);
    private readonly string defaultColumn;
    private readonly bool defaultDescending;
    private Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreak = q => q;

    public SortableColumns(string defaultColumn, bool defaultDescending = false)
    {
        this.defaultColumn = defaultColumn;
        this.defaultDescending = defaultDescending;
    }

    public SortableColumns<T> Add<TKey>(string label, Expression<Func<T, TKey>> key)
    {
        columns[label] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return this;
    }

    /// <summary>A unique key sorted last, so equal sort values never make rows jump between pages.</summary>
    public SortableColumns<T> ThenBy<TKey>(Expression<Func<T, TKey>> key)
    {
        tieBreak = query => query.ThenBy(key);
        return this;
    }

    public IQueryable<T> Sort(IQueryable<T> query, TableState state) =>
        Sort(query, state.SortDirection == SortDirection.None ? null : state.SortLabel, state.SortDirection == SortDirection.Descending);

    private IQueryable<T> Sort(IQueryable<T> query, string? label, bool descending)
    {
        var known = label is not null && columns.ContainsKey(label);
        return tieBreak(columns[known ? label! : defaultColumn](query, known ? descending : defaultDescending));
    }

    public IQueryable<T> Page(IQueryable<T> query, TableState state) =>
        Sort(query, state).Skip(Math.Max(0, state.Page) * Math.Max(1, state.PageSize)).Take(Math.Max(1, state.PageSize));

    /// <summary>Two queries: the count of the filtered list, then the requested page projected to rows.</summary>
    public async Task<TableData<TRow>> ToTableDataAsync<TRow>(IQueryable<T> filtered, TableState state,
        Expression<Func<T, TRow>> toRow, CancellationToken cancellation)
    {
        var total = await filtered.CountAsync(cancellation);
        var items = await Page(filtered, state).Select(toRow).ToListAsync(cancellation);
        return new TableData<TRow> { TotalItems = total, Items = items };
    }

    /// <summary>The same for a <see cref="ListTable{TRow}"/>: the count of the filtered list, then the requested page.</summary>
    public async Task<ListPage<TRow>> ToPageAsync<TRow>(IQueryable<T> filtered, ListQuery list,
        Expression<Func<T, TRow>> toRow, CancellationToken cancellation)
    {
        var total = await filtered.CountAsync(cancellation);
        var size = Math.Max(1, list.PageSize);
        var items = await Sort(filtered, list.SortLabel, list.Descending).Skip(Math.Max(0, list.Page) * size).Take(size)
            .Select(toRow).ToListAsync(cancellation);
        return new ListPage<TRow>(items, total);
    }
}
