using MudBlazor;
using MudBlazor.Utilities;
using PeerMentor.Web.Components.Layout;

namespace PeerMentor.Tests.Components.Layout;

/// <summary>WCAG 2.1 AA: 4.5:1 for text, 3:1 for the outlines and swatches that carry meaning.</summary>
public class PeerMentorThemeTests
{
    public static TheoryData<string> Palettes => ["light", "dark"];

    private static Palette PaletteOf(string name) =>
        name == "light" ? PeerMentorTheme.Instance.PaletteLight : PeerMentorTheme.Instance.PaletteDark;

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Filled_buttons_of_every_colour_have_readable_text(string palette)
    {
        var p = PaletteOf(palette);
        foreach (var (fill, text) in new[]
                 {
                     (p.Primary, p.PrimaryContrastText), (p.Secondary, p.SecondaryContrastText), (p.Tertiary, p.TertiaryContrastText),
                     (p.Info, p.InfoContrastText), (p.Success, p.SuccessContrastText), (p.Warning, p.WarningContrastText),
                     (p.Error, p.ErrorContrastText), (p.Dark, p.DarkContrastText),
                 })
            AssertContrast(text, fill, 4.5);
    }

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Outlined_and_text_buttons_are_readable_on_the_page_and_on_cards(string palette)
    {
        var p = PaletteOf(palette);
        foreach (var colour in new[] { p.Primary, p.Secondary, p.Tertiary, p.Info, p.Success, p.Error })
        {
            AssertContrast(colour, p.Background, 4.5);
            AssertContrast(colour, p.Surface, 4.5);
        }
        AssertContrast(p.Warning, p.Surface, 3);
    }

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Body_text_app_bar_and_drawer_are_readable(string palette)
    {
        var p = PaletteOf(palette);
        AssertContrast(p.TextPrimary, p.Background, 4.5);
        AssertContrast(p.TextSecondary, p.Background, 4.5);
        AssertContrast(p.TextSecondary, p.Surface, 4.5);
        AssertContrast(p.ActionDefault, p.Surface, 4.5);
        AssertContrast(p.AppbarText, p.AppbarBackground, 4.5);
        AssertContrast(p.DrawerText, p.DrawerBackground, 4.5);
        AssertContrast(p.DrawerIcon, p.DrawerBackground, 3);
    }

    private static void AssertContrast(MudColor foreground, MudColor background, double minimum)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        var ratio = (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
        Assert.True(ratio >= minimum, $"{foreground} on {background}: {ratio:0.00}:1, needs {minimum}:1");
    }

    private static double Luminance(MudColor colour)
    {
        static double Channel(byte value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(colour.R) + 0.7152 * Channel(colour.G) + 0.0722 * Channel(colour.B);
    }
}
