using AngleSharp.Dom;
using Bunit;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Components;

/// <summary>
/// A click on a list row's button (<see cref="RowButton"/>). In the browser assets/app.js turns it into a
/// <c>rowaction</c> event on the list's body; bUnit runs no script, so this raises that event as the script would,
/// and, like a browser, refuses a disabled button.
/// </summary>
public static class RowActionClicks
{
    /// <summary>Clicks and goes on, as bUnit's Click does: the action may wait for a dialog the test answers next.</summary>
    public static void ClickRowAction(this IElement button) => _ = button.ClickRowActionAsync();

    /// <summary>Clicks and waits until the action has finished.</summary>
    public static Task ClickRowActionAsync(this IElement button)
    {
        if (button.HasAttribute("disabled")) throw new InvalidOperationException("The button is disabled; a browser would not click it.");
        var body = button.Closest("tbody") ?? throw new InvalidOperationException("The button is not in a list's body.");
        return body.TriggerEventAsync("onrowaction", new RowActionEventArgs { Key = button.GetAttribute("data-row-action") });
    }
}
