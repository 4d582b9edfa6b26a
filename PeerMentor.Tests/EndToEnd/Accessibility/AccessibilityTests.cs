using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Tests.EndToEnd.Accessibility;

/// <summary>
/// Every page, for everyone who can open it, in both themes on a small phone and a desktop: no serious or critical
/// axe-core violation, no sideways scroll, no console error. One case per (role, page) so a failure names the page.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class AccessibilityTests(DemoSite site)
{
    private static readonly ViewportSize[] Viewports = [new() { Width = 360, Height = 800 }, new() { Width = 1280, Height = 900 }];
    private static readonly ColorScheme[] Themes = [ColorScheme.Light, ColorScheme.Dark];
    private static readonly string[] Failing = ["serious", "critical"];

    // Frames are left out: the only one is the mail viewer's sandboxed message (the sender's HTML, scripts off), where
    // axe would wait for an answer that never comes.
    private static readonly AxeRunOptions Axe = new() { ResultTypes = [ResultType.Violations], Iframes = false };

    public static TheoryData<string, string> Pages()
    {
        var pages = new TheoryData<string, string>();
        void Add(string role, params string[] paths)
        {
            foreach (var path in paths) pages.Add(role, path);
        }
        Add(DemoSite.Anonymous, "", "account/login", "account/register", "account/forgot-password", "account/resend-confirmation",
            "account/registered?email=newcomer%40example.com", "account/pending", "account/page-closed", "access-denied", "not-found");
        Add(Roles.Student, "", "calendar", "sessions", "sessions/{session}", "mentors", "mentors/{mentor}", "assignments", "reviews",
            "events/{event}", "account/notifications", "account/phone", "account/change-password");
        Add(Roles.Mentor, "", "calendar", "sessions", "sessions/{session}", "mentor/availability", "mentor/events", "mentor/assignments",
            "mentor/reviews", "events/{event}");
        Add(Roles.Admin, "", "calendar", "admin/programs", "admin/programs/{program}", "admin/users", "admin/users/{student}",
            "admin/registrations", "admin/sessions", "admin/reviews", "admin/deliveries", "admin/mail", "admin/mail/{mail}", "sessions/{session}");
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_violation_no_sideways_scroll_and_no_console_error(string role, string path)
    {
        var context = await site.ContextAsync(role);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var where = "";
        page.Console += (_, message) =>
        {
            // A status page's own 404 or 403 is what it is for; any other failed load or script error counts.
            var ownStatus = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal);
            if (message.Type == "error" && !ownStatus) problems.Add($"{where}: console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Add($"{where}: script error: {error}");
        try
        {
            foreach (var theme in Themes)
            {
                await site.UseThemeAsync(context, theme);
                foreach (var viewport in Viewports)
                {
                    where = $"{theme} {viewport.Width}px";
                    await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                    // Playwright's evaluate has no timeout of its own: a page that never settles fails here instead of hanging the run.
                    problems.AddRange(await CheckAsync(page, site.Resolve(path), where).WaitAsync(TimeSpan.FromSeconds(90)));
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, $"/{path} as {role}:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// Pages whose forms and editors open on demand, with the buttons that open them (accessible names, clicked in order):
    /// what is not drawn when the page loads is checked once it is open.
    /// </summary>
    public static TheoryData<string, string, string[]> OpenedParts() => new()
    {
        { Roles.Mentor, "mentor/availability", ["^(Change|Add) hours on Monday$", "^Change settings$", "^Add an override$"] },
        { Roles.Mentor, "mentor/assignments", ["^New assignment$", "^Grade "] },
        { Roles.Admin, "admin/programs/{program}", ["^Add a person$", "^Edit program details$", "^Edit automation settings$", "^New event$",
            "^New assignment$", "^Write an announcement$"] },
    };

    [Theory]
    [MemberData(nameof(OpenedParts))]
    public async Task Parts_opened_on_demand_have_no_serious_violation_and_no_sideways_scroll(string role, string path, string[] buttons)
    {
        var context = await site.ContextAsync(role);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        try
        {
            foreach (var theme in Themes)
            {
                await site.UseThemeAsync(context, theme);
                foreach (var viewport in Viewports)
                {
                    var where = $"{theme} {viewport.Width}px";
                    await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
                    await page.GotoAsync(site.Resolve(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
                    foreach (var name in buttons)
                    {
                        var fields = await FieldCountAsync(page);
                        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(name) }).First.ClickAsync();
                        // Each of these opens a form: it is drawn once the page has more fields than before the click.
                        await page.WaitForFunctionAsync($"() => document.querySelectorAll('input, textarea, select').length > {fields}");
                    }
                    problems.AddRange(await AxeAndOverflowAsync(page, where + " with " + string.Join(", ", buttons)));
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }

        Assert.True(problems.Count == 0, $"/{path} as {role}:\n{string.Join("\n", problems)}");
    }

    private static Task<int> FieldCountAsync(IPage page) => page.EvaluateAsync<int>("() => document.querySelectorAll('input, textarea, select').length");

    private static async Task<List<string>> CheckAsync(IPage page, string url, string where)
    {
        var problems = new List<string>();
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (response is null || response.Status >= 500) problems.Add($"{where}: answered {response?.Status}");
        problems.AddRange(await AxeAndOverflowAsync(page, where));
        return problems;
    }

    private static async Task<List<string>> AxeAndOverflowAsync(IPage page, string where)
    {
        var problems = new List<string>();
        var result = await page.RunAxe(Axe);
        problems.AddRange(result.Violations
            .Where(v => Failing.Contains(v.Impact))
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(4).Select(Describe))}"
                + (v.Nodes.Length > 4 ? $" and {v.Nodes.Length - 4} more" : "")));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0) problems.Add($"{where}: scrolls {overflow} px sideways");
        return problems;
    }

    /// <summary>The node's selector and the start of its markup: MudBlazor's generated ids alone say little.</summary>
    private static string Describe(AxeResultNode node)
    {
        var html = node.Html.Length > 110 ? node.Html[..110] + "…" : node.Html;
        return $"{node.Target} {html}";
    }
}
