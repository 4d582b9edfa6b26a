using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace PeerMentor.Web.Components.Shared;

/// <summary>
/// MudBlazor's button and icon look as plain markup, for buttons a page repeats or keeps on screen: every MudBlazor
/// component costs each open page its own state and render tree on the server (bench/circuit-memory.sh), a plain
/// element a few frames. Use the components wherever they add behaviour (popovers, inputs, forms).
/// </summary>
public static class MudMarkup
{
    private static readonly ConcurrentDictionary<string, MarkupString> Icons = new();

    /// <summary>The classes of a MudIconButton (Color.Default, Size.Medium).</summary>
    public const string IconButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon";

    /// <summary>The classes of a primary MudButton; <paramref name="filled"/> picks Variant.Filled over Variant.Outlined.</summary>
    public static string ButtonClass(bool filled, Size size) =>
        MudButtonMarkup.Class(filled ? Variant.Filled : Variant.Outlined, Color.Primary, size);

    /// <summary>A MudBlazor icon (one of <c>Icons.Material...</c>) as the svg MudIcon draws; one shared string per icon.</summary>
    public static MarkupString Icon(string icon) => Icons.GetOrAdd(icon, svg => new MarkupString(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{svg}</svg>"));
}
