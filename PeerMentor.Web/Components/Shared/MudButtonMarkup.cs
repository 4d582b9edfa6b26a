using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// MudButton's classes for any variant and colour, and its start icon, for buttons drawn as plain elements (see
/// <see cref="MudMarkup"/>): cards repeated down a page keep their look without a component per button.
/// </summary>
public static class MudButtonMarkup
{
    private static readonly ConcurrentDictionary<(string, Size), MarkupString> Icons = new();

    /// <summary>The classes MudButton gives itself for <paramref name="variant"/>, <paramref name="color"/> and <paramref name="size"/>.</summary>
    public static string Class(Variant variant, Color color, Size size = Size.Medium)
    {
        var kind = variant.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{kind} mud-button-{kind}-{color.ToString().ToLowerInvariant()} mud-button-{kind}-size-{size.ToString().ToLowerInvariant()} mud-ripple";
    }

    /// <summary>The start icon as MudButton draws it, inside the button's label span.</summary>
    public static RenderFragment StartIcon(string icon, Size size = Size.Medium) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"mud-button-icon-start mud-button-icon-size-{size.ToString().ToLowerInvariant()}");
        builder.AddContent(2, Icons.GetOrAdd((icon, size), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Item2.ToString().ToLowerInvariant()}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Item1}</svg>")));
        builder.CloseElement();
    };
}
