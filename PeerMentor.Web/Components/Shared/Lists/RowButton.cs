using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// A button drawn as markup: the one at the end of a list row (<see cref="ListTable{TRow}.Action"/>), or one of a picker's
/// many (booking's days and times). A text button, or an icon button whose <paramref name="Label"/> is its tooltip. Drawn
/// into markup, a page of rows or a month of days stays one render-tree frame; a click reaches the handler on the
/// container as one <c>rowaction</c> event (<see cref="RowActionEventArgs"/>) that carries the button's key.
/// </summary>
/// <param name="Key">What names the row to the page's action (its id), sent back by a click on the button.</param>
/// <param name="Label">The button's text, or an icon button's tooltip.</param>
/// <param name="Class">MudButton's classes for its look (<see cref="MudButtonMarkup.Class"/>).</param>
/// <param name="AccessibleName">A longer name for screen readers that says which row ("Grade Theo Student: Essay").</param>
/// <param name="Icon">An icon instead of the text (<see cref="ListIcons.Button"/>).</param>
public sealed record RowButton(string Key, string Label, string Class, string? AccessibleName = null, MarkupString? Icon = null)
{
    /// <summary>For one of several to pick from (a day, a time): whether it is the one picked (<c>aria-pressed</c>).</summary>
    public bool? Pressed { get; init; }

    /// <summary>A tooltip for a text button; an icon button's tooltip is its label.</summary>
    public string? Title { get; init; }

    public void AppendTo(StringBuilder html, bool disabled)
    {
        html.Append("<button type=\"button\" class=\"").Append(Encode(Class)).Append("\" data-row-action=\"").Append(Encode(Key)).Append('"');
        if ((Icon is null ? Title : Label) is { } title) html.Append(" title=\"").Append(Encode(title)).Append('"');
        if (AccessibleName is not null || Icon is not null) html.Append(" aria-label=\"").Append(Encode(AccessibleName ?? Label)).Append('"');
        if (Pressed is { } pressed) html.Append(pressed ? " aria-pressed=\"true\"" : " aria-pressed=\"false\"");
        if (disabled) html.Append(" disabled");
        html.Append('>');
        if (Icon is { } icon) html.Append(icon.Value);
        else html.Append("<span class=\"mud-button-label\">").Append(Encode(Label)).Append("</span>");
        html.Append("</button>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A click on a markup button (<see cref="RowButton"/>) or a change of a markup switch (<see cref="RowSwitch"/>).</summary>
public sealed class RowActionEventArgs : EventArgs
{
    /// <summary>The button's or switch's key.</summary>
    public string? Key { get; set; }

    /// <summary>A switch's state after the change; null for a button.</summary>
    public bool? Checked { get; set; }
}

/// <summary>
/// <c>@onrowaction</c>: the browser's side (assets/app.js) turns a click on a <c>[data-row-action]</c> button, or a change
/// of a <c>[data-row-action]</c> checkbox, into this event, so one handler on a list's body (or a picker's container)
/// serves every button. Razor finds custom events only on a class named EventHandlers, and only in a .razor file that has
/// this namespace among its usings: without it the handler is written out as a plain attribute and a click does nothing.
/// </summary>
[EventHandler("onrowaction", typeof(RowActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
