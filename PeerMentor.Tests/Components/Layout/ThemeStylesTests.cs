using Bunit;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Components.Layout;

namespace PeerMentor.Tests.Components.Layout;

public class ThemeStylesTests : ComponentTest
{
    private const string DarkBackground = "--mud-palette-background: rgba(18,20,24,1);";
    private const string LightBackground = "--mud-palette-background: rgba(246,247,251,1);";

    [Fact]
    public void A_chosen_theme_is_written_as_the_only_palette()
    {
        var cut = Render<ThemeStyles>(p => p.Add(x => x.Preference, ThemePreference.Dark));

        var style = Assert.Single(cut.FindAll("style"), s => s.TextContent.Contains("--mud-palette-background", StringComparison.Ordinal));
        Assert.Contains(DarkBackground, style.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(style.GetAttribute("media"));
    }

    [Fact]
    public void System_writes_the_light_palette_and_the_dark_one_behind_prefers_color_scheme()
    {
        var cut = Render<ThemeStyles>(p => p.Add(x => x.Preference, ThemePreference.System));

        var styles = cut.FindAll("style").Where(s => s.TextContent.Contains("--mud-palette-background", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, styles.Count);
        Assert.Contains(LightBackground, styles[0].TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(styles[0].GetAttribute("media"));
        Assert.Contains(DarkBackground, styles[1].TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("(prefers-color-scheme: dark)", styles[1].GetAttribute("media"));
    }
}
