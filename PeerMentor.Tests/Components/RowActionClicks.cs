using AngleSharp.Dom;
using Bunit;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Components;

/// <summary>
/// A click on a button drawn as markup (<see cref="RowButton"/>: a list row's, a booking day or time). In the browser
/// assets/app.js turns it into a <c>rowaction</c> event that bubbles to the handler on its container; bUnit runs no script,
/// so this raises that event on the container as the script would, and, like a browser, refuses a disabled button.
/// </summary>
public static class RowActionClicks
{
    /// <summary>Clicks and goes on, as bUnit's Click does: the action may wait for a dialog the test answers next.</summary>
    public static void ClickRowAction(this IElement button) => _ = button.ClickRowActionAsync();

    /// <summary>Clicks and waits until the action has finished.</summary>
    public static Task ClickRowActionAsync(this IElement button)
    {
        if (button.HasAttribute("disabled")) throw new InvalidOperationException("The button is disabled; a browser would not click it.");
        var container = button.ParentElement;
        while (container is not null && !container.HasAttribute("blazor:onrowaction")) container = container.ParentElement;
        if (container is null) throw new InvalidOperationException("No element around the button handles rowaction (is Shared.Lists in the razor file's usings?).");
        return container.TriggerEventAsync("onrowaction", new RowActionEventArgs { Key = button.GetAttribute("data-row-action") });
    }
}
