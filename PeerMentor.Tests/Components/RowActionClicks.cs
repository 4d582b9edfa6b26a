using AngleSharp.Dom;
using Bunit;
using PeerMentor.Web.Components.Shared.Lists;

namespace PeerMentor.Tests.Components;

/// <summary>
/// A click on a button drawn as markup (<see cref="RowButton"/>: a list row's, a booking day or time), or a change of a
/// switch drawn as markup (<see cref="RowSwitch"/>). In the browser assets/app.js turns either into a <c>rowaction</c>
/// event that bubbles to the handler on its container; bUnit runs no script, so this raises that event on the container
/// as the script would, and, like a browser, refuses a disabled control.
/// </summary>
public static class RowActionClicks
{
    /// <summary>Clicks and goes on, as bUnit's Click does: the action may wait for a dialog the test answers next.</summary>
    public static void ClickRowAction(this IElement button) => _ = button.ClickRowActionAsync();

    /// <summary>Clicks and waits until the action has finished.</summary>
    public static Task ClickRowActionAsync(this IElement button) => RaiseAsync(button, null);

    /// <summary>Turns a switch drawn as markup (<see cref="RowSwitch"/>) on or off, as the browser's change would.</summary>
    public static void ChangeRowSwitch(this IElement input, bool on) => _ = RaiseAsync(input, on);

    private static Task RaiseAsync(IElement control, bool? on)
    {
        if (control.HasAttribute("disabled")) throw new InvalidOperationException("The control is disabled; a browser would not change it.");
        var container = control.ParentElement;
        while (container is not null && !container.HasAttribute("blazor:onrowaction")) container = container.ParentElement;
        if (container is null) throw new InvalidOperationException("No element around the control handles rowaction (is Shared.Lists in the razor file's usings?).");
        return container.TriggerEventAsync("onrowaction", new RowActionEventArgs { Key = control.GetAttribute("data-row-action"), Checked = on });
    }
}
