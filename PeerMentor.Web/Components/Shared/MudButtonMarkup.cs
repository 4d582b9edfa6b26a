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
    private static readonly ConcurrentDictionary<(Variant, Color, Size), string> Classes = new();

    /// <summary>The classes MudButton gives itself for <paramref name="variant"/>, <paramref name="color"/> and <paramref name="size"/>.</summary>
    /// <remarks>One string per combination: a page's render trees keep every class string they were given, twice.</remarks>
    public static string Class(Variant variant, Color color, Size size = Size.Medium) => Classes.GetOrAdd((variant, color, size), key =>
    {
        var kind = key.Item1.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{kind} mud-button-{kind}-{key.Item2.ToString().ToLowerInvariant()} mud-button-{kind}-size-{key.Item3.ToString().ToLowerInvariant()} mud-ripple";
    });

    /// <summary>The start icon as MudButton draws it, inside the button's label span.</summary>
    public static RenderFragment StartIcon(string icon, Size size = Size.Medium) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", size switch
        {
            Size.Small => "mud-button-icon-start mud-button-icon-size-small",
            Size.Large => "mud-button-icon-start mud-button-icon-size-large",
            _ => "mud-button-icon-start mud-button-icon-size-medium",
        });
        builder.AddContent(2, Icons.GetOrAdd((icon, size), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Item2.ToString().ToLowerInvariant()}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Item1}</svg>")));
        builder.CloseElement();
    };
}
