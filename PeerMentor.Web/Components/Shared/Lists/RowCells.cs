using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// A row's data cells (MudBlazor's <c>td.mud-table-cell</c> with the <c>data-label</c> its phone card shows) built once
/// per loaded page as one markup string. Drawn as elements, each cell is four or more render-tree frames that every open
/// page keeps twice (current and previous tree); as markup a row is one frame. Every text and attribute value is
/// HTML-encoded here, so a page passes plain strings and never writes markup itself.
/// </summary>
public sealed class RowCells
{
    private readonly StringBuilder html = new();

    /// <summary>A cell holding one text.</summary>
    public RowCells Cell(string label, string? text, string? cssClass = null) => Open(label, cssClass).Text(text).Close();

    /// <summary>A cell holding a link.</summary>
    public RowCells LinkCell(string label, string href, string text, string? cssClass = null) => Open(label, cssClass).Link(href, text).Close();

    /// <summary>Starts a cell; <paramref name="attribute"/> is one more attribute (a test id, a row's id).</summary>
    public RowCells Open(string label, string? cssClass = null, (string Name, string Value)? attribute = null)
    {
        html.Append("<td class=\"mud-table-cell");
        if (cssClass is not null) html.Append(' ').Append(Encode(cssClass));
        html.Append("\" data-label=\"").Append(Encode(label)).Append('"');
        if (attribute is { } extra) html.Append(' ').Append(Encode(extra.Name)).Append("=\"").Append(Encode(extra.Value)).Append('"');
        html.Append('>');
        return this;
    }

    public RowCells Text(string? text)
    {
        html.Append(Encode(text));
        return this;
    }

    /// <summary>A text in its own span (a detail line, a clamped paragraph, a chip); no span when there is no text.</summary>
    public RowCells Span(string cssClass, string? text)
    {
        if (text is null) return this;
        html.Append("<span class=\"").Append(Encode(cssClass)).Append("\">").Append(Encode(text)).Append("</span>");
        return this;
    }

    /// <summary>A text in its own span with one more attribute (a test id), classes optional; no span when there is no text.</summary>
    public RowCells Span(string cssClass, string? text, (string Name, string Value) attribute)
    {
        if (text is null) return this;
        html.Append("<span");
        if (cssClass.Length > 0) html.Append(" class=\"").Append(Encode(cssClass)).Append('"');
        html.Append(' ').Append(Encode(attribute.Name)).Append("=\"").Append(Encode(attribute.Value)).Append("\">").Append(Encode(text)).Append("</span>");
        return this;
    }

    /// <summary>Starts a span that holds several texts (a value and its detail line, kept together in a phone card).</summary>
    public RowCells OpenSpan(string cssClass)
    {
        html.Append("<span class=\"").Append(Encode(cssClass)).Append("\">");
        return this;
    }

    public RowCells CloseSpan()
    {
        html.Append("</span>");
        return this;
    }

    /// <summary>
    /// A long text's start, cut at a word and ended with an ellipsis when it is longer than <paramref name="max"/>: a list
    /// shows a few lines of it, and every open page keeps what its list draws (a review's feedback may be 4,000 characters).
    /// </summary>
    public static string? Excerpt(string? text, int max = 280)
    {
        if (text is null || text.Length <= max) return text;
        var space = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, space > max / 2 ? space : max).TrimEnd(), "…");
    }

    /// <summary>An email address that may break after its @ (and anywhere only if it must), not in the middle of a name.</summary>
    public RowCells Address(string? address)
    {
        var at = address?.IndexOf('@') ?? -1;
        if (at < 0) return Text(address);
        html.Append(Encode(address![..(at + 1)])).Append("<wbr>").Append(Encode(address[(at + 1)..]));
        return this;
    }

    public RowCells Strong(string? text)
    {
        html.Append("<strong>").Append(Encode(text)).Append("</strong>");
        return this;
    }

    public RowCells Link(string href, string text)
    {
        html.Append("<a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a>");
        return this;
    }

    public RowCells Close()
    {
        html.Append("</td>");
        return this;
    }

    public MarkupString ToMarkup() => new(html.ToString());

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
