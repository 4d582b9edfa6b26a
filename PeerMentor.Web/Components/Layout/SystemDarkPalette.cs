using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace PeerMentor.Web.Components.Layout;

/// <summary>
/// MudThemeProvider writes one palette into :root; this writes the dark one inside a style element that only
/// applies while the operating system asks for dark, so "follow the OS" needs no script.
/// </summary>
public sealed class SystemDarkPalette : MudThemeProvider
{
    private const string MudStyleTag = "<style class='mud-theme-provider'>";

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddMarkupContent(0, BuildTheme().Replace(MudStyleTag, "<style class='pm-system-dark' media='(prefers-color-scheme: dark)'>", StringComparison.Ordinal));
}
