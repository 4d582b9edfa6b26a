using System.Net;
using System.Text;

namespace PeerMentor.Web.Components.Shared.Lists;

/// <summary>
/// An on/off switch drawn as markup in MudSwitch's look (a checkbox with the switch role, its track and thumb, its
/// label), for rows of switches such as the notification choices: a row of them stays one render-tree frame, with no
/// handler per switch. A change reaches the handler on the container as one <c>rowaction</c> event with the switch's
/// <paramref name="Key"/> and its new state (<see cref="RowActionEventArgs.Checked"/>); the page redraws the markup.
/// </summary>
/// <param name="Key">What names the switch to the page (a topic and a channel).</param>
/// <param name="Label">The text beside it.</param>
/// <param name="AccessibleName">Its full name for screen readers ("Reviews by email").</param>
/// <param name="On">Whether it is on.</param>
public sealed record RowSwitch(string Key, string Label, string AccessibleName, bool On)
{
    /// <summary>Shown but not changeable (always on, or the page is not live yet).</summary>
    public bool Disabled { get; init; }

    public void AppendTo(StringBuilder html)
    {
        html.Append("<div class=\"mud-input-control mud-input-control-boolean-input\"><div class=\"mud-input-control-input-container\">")
            .Append(Disabled ? "<label class=\"mud-switch mud-input-content-placement-end mud-disabled\">" : "<label class=\"mud-switch mud-input-content-placement-end\">")
            .Append("<span class=\"mud-switch-span mud-switch-span-medium mud-flip-x-rtl\"><span class=\"")
            .Append(ListSwitch.BaseClass(On, Disabled)).Append("\"><span class=\"mud-switch-button\">")
            .Append("<input type=\"checkbox\" role=\"switch\" class=\"mud-switch-input\" data-row-action=\"").Append(Encode(Key))
            .Append("\" aria-label=\"").Append(Encode(AccessibleName)).Append('"');
        if (On) html.Append(" checked");
        if (Disabled) html.Append(" disabled");
        html.Append("><span class=\"mud-switch-thumb-medium\"></span></span></span>")
            .Append(On ? "<span class=\"mud-switch-track mud-primary\"></span>" : "<span class=\"mud-switch-track\"></span>")
            .Append("</span><span class=\"mud-typography mud-typography-body1\">").Append(Encode(Label)).Append("</span></label></div></div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
