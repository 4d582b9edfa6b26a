using MudBlazor;

namespace PeerMentor.Web.Components.Layout;

/// <summary>
/// The one place the look is defined: both palettes come from the design tokens in wwwroot-assets/app.css
/// (--pm-*), and every text colour is chosen to pass WCAG AA on the colour it sits on (ThemeContrastTests).
/// </summary>
public static class PeerMentorTheme
{
    public static MudTheme Instance { get; } = Create();

    private static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab", PrimaryContrastText = "#ffffff",
            Secondary = "#00695c", SecondaryContrastText = "#ffffff",
            Tertiary = "#7b1fa2", TertiaryContrastText = "#ffffff",
            Info = "#1565c0", InfoContrastText = "#ffffff",
            Success = "#2e7d32", SuccessContrastText = "#ffffff",
            Warning = "#9a4d00", WarningContrastText = "#ffffff",
            Error = "#c62828", ErrorContrastText = "#ffffff",
            Dark = "#1d2330", DarkContrastText = "#ffffff",
            Background = "#f6f7fb", Surface = "#ffffff",
            TextPrimary = "#1d2330", TextSecondary = "#5b6475", ActionDefault = "#5b6475",
            AppbarBackground = "#ffffff", AppbarText = "#1d2330",
            DrawerBackground = "#ffffff", DrawerText = "#1d2330", DrawerIcon = "#5b6475",
            Divider = "#dde1ea", LinesDefault = "#dde1ea", TableLines = "#dde1ea",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8ff", PrimaryContrastText = "#121418",
            Secondary = "#4db6ac", SecondaryContrastText = "#121418",
            Tertiary = "#ce93d8", TertiaryContrastText = "#121418",
            Info = "#64b5f6", InfoContrastText = "#121418",
            Success = "#81c784", SuccessContrastText = "#121418",
            Warning = "#ffb74d", WarningContrastText = "#121418",
            Error = "#ff8a80", ErrorContrastText = "#121418",
            Dark = "#30343d", DarkContrastText = "#e7e9ee",
            Background = "#121418", Surface = "#1c1f26",
            TextPrimary = "#e7e9ee", TextSecondary = "#a3aab8", ActionDefault = "#a3aab8",
            AppbarBackground = "#1c1f26", AppbarText = "#e7e9ee",
            DrawerBackground = "#1c1f26", DrawerText = "#e7e9ee", DrawerIcon = "#a3aab8",
            Divider = "#30343d", LinesDefault = "#30343d", TableLines = "#30343d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
            Button = new ButtonTypography { FontWeight = "500", TextTransform = "none" },
            // Page titles (h4 drawn as h1) and section titles (h5/h6 drawn as h2) match the plain h1/h2 rules in
            // app.css, so every page's title has one size whichever way the page writes it.
            H4 = new H4Typography { FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H5 = new H5Typography { FontSize = "1.3rem", FontWeight = "500", LineHeight = "1.4", LetterSpacing = "0" },
            H6 = new H6Typography { FontSize = "1.2rem", FontWeight = "500", LineHeight = "1.4", LetterSpacing = "0" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            AppbarHeight = "56px",
            DrawerWidthLeft = "232px",
        },
    };
}
