using Microsoft.Playwright;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, one browser process for the whole run.</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static async Task<IBrowserContext> NewContextAsync(string baseUrl, ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        var browser = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = colorScheme,
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    private static async Task<IBrowser> LaunchAsync()
    {
        ExternalProcess.Require(ChromiumPath, "chromium");
        // An assertion waits for the page as long as an action does (20 s above) rather than Playwright's 5 s: on a
        // 2-core CI machine running test classes side by side, a round trip to the server can take longer than 5 s,
        // and a test that waited too briefly fails though the page did what it should. A true condition still passes
        // at once; only a failing assertion takes longer to report.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }
}
