using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd.Accessibility;

/// <summary>
/// The README's screenshots come from this run, so they show the product as it is: the main pages with the demo data,
/// light and dark, on a phone (390 px) and a desktop (1280 px), saved as docs/screenshots/{page}-{theme}-{device}.png.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class ReadmeScreenshotTests(DemoSite site)
{
    public static TheoryData<string, string, string> Shots() => new()
    {
        { "student-home", Roles.Student, "" },
        { "mentor-home", Roles.Mentor, "" },
        { "admin-home", Roles.Admin, "" },
        { "calendar", Roles.Student, "calendar" },
        { "booking", Roles.Student, "mentors/{mentor}" },
        { "sessions", Roles.Student, "sessions" },
        { "admin-program", Roles.Admin, "admin/programs/{program}" },
        { "admin-users", Roles.Admin, "admin/users" },
    };

    [Theory]
    [MemberData(nameof(Shots))]
    public async Task The_readme_shows_this_page_as_it_renders_now(string name, string role, string path)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var context = await site.ContextAsync(role);
        var page = await context.NewPageAsync();
        try
        {
            foreach (var theme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await site.UseThemeAsync(context, theme);
                foreach (var (device, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync(site.Resolve(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
                    await Expect(page.Locator("h1").First).ToBeVisibleAsync();
                    var file = Path.Combine(folder, $"{name}-{theme.ToString().ToLowerInvariant()}-{device}.png");
                    await page.ScreenshotAsync(new() { Path = file, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
                    Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PeerMentor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above the test output.");
    }
}
