using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>
/// An admin list arrives prerendered with its rows; when the page goes live it must keep them, not blink to "Loading…"
/// and back, and its filters keep their choices. The browser notes what the list's first row says, and how many choices
/// the reviews' program filter has, each time the page's markup changes, from the moment the prerendered page is parsed
/// until the live list has drawn itself.
/// </summary>
public class AdminListsGoLiveTests
{
    /// <summary>
    /// Runs before the page's own scripts: once the prerendered document is parsed, records the first row's text (or,
    /// without a row, what the list's body says) and the number of the program filter's choices whenever they change.
    /// </summary>
    private const string WatchFirstRow = """
        window.__firstRows = [];
        window.__programChoices = [];
        document.addEventListener('DOMContentLoaded', () => {
            const note = () => {
                const filter = document.getElementById('review-program');
                const choices = filter ? filter.options.length : -1;
                if (window.__programChoices[window.__programChoices.length - 1] !== choices) window.__programChoices.push(choices);
                const body = document.querySelector('.list-table tbody');
                if (!body) return;
                const row = body.querySelector('tr.mud-table-row');
                const text = (row ?? body).textContent.trim();
                if (window.__firstRows[window.__firstRows.length - 1] !== text) window.__firstRows.push(text);
            };
            note();
            new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        """;

    /// <summary>
    /// On PostgreSQL a query is a round trip the live page waits for, so a list that loads again when it goes live
    /// draws "Loading…" first (on SQLite the query can finish before the first drawing).
    /// </summary>
    [Fact]
    public async Task The_rows_of_each_prerendered_admin_list_stay_on_screen_when_the_page_goes_live_also_after_a_menu_link()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseKind.Postgres, smtp: false);
        var baseUrl = app.StartKestrel();
        await app.RunAsync(SeedAsync);
        await using var context = await Browser.NewContextAsync(baseUrl);
        await context.AddInitScriptAsync(WatchFirstRow);
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@peermentor.local", DemoData.Password);
        var blinks = new List<string>();
        var shown = "";

        foreach (var path in (string[])["admin/users", "admin/programs", "admin/sessions", "admin/reviews", "admin/deliveries", "admin/mail"])
        {
            await page.GotoAsync(path);
            // The live page's first drawing enables the search; a list that loads again then has its rows once it is done.
            await Expect(page.Locator(".list-table input[type=search]")).ToBeEnabledAsync();
            await Expect(page.Locator(".list-table tbody tr.mud-table-row").First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var firstRows = await page.EvaluateAsync<string[]>("() => window.__firstRows");
            shown = firstRows[^1];
            if (firstRows.Length != 1) blinks.Add($"/{path}: {string.Join(" → ", firstRows.Select(r => $"“{Shorten(r)}”"))}");
            // "All programs" and the demo's programs, from the prerendered page on.
            var programChoices = await page.EvaluateAsync<int[]>("() => window.__programChoices");
            if (path == "admin/reviews" && (programChoices.Length != 1 || programChoices[0] < 2)) blinks.Add($"/{path}: the program filter's choices went {string.Join(" → ", programChoices)}");
        }

        // A menu link is enhanced navigation: the next list goes live in the circuit already open.
        await page.EvaluateAsync("() => { window.__firstRows = []; }");
        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search people" })).ToBeEnabledAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // What was noted before the people list arrived is the mail viewer's row.
        var afterLink = (await page.EvaluateAsync<string[]>("() => window.__firstRows")).SkipWhile(row => row == shown).ToArray();
        if (afterLink.Length != 1) blinks.Add($"/admin/users by the menu: {string.Join(" → ", afterLink.Select(r => $"“{Shorten(r)}”"))}");

        Assert.True(blinks.Count == 0, $"The list changed while the page went live:\n{string.Join("\n", blinks)}");
    }

    /// <summary>The README's demo data (people, a program, sessions, reviews) and a delivery and a mail.</summary>
    private static async Task SeedAsync(IServiceProvider s)
    {
        var db = s.GetRequiredService<AppDbContext>();
        await DemoData.SeedAsync(db, s.GetRequiredService<IPasswordHasher<AppUser>>(), TimeProvider.System);
        await DemoProgram.SeedAsync(s, TimeProvider.System);
        var mail = new MailMessage("student1@peermentor.local", "Your session was accepted", "See you then.", "<p>See you then.</p>");
        db.Outbox.Add(OutboxMessage.Mail(mail, DateTime.UtcNow));
        db.SentMails.Add(SentMail.From(mail, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
