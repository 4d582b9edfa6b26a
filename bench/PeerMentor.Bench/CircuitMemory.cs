using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Bench;

/// <summary>
/// Managed heap per live page (Blazor circuit): for each main page kind, N tabs of it open in headless Chromium as a
/// signed-in demo person, the server's heap after a full GC (GET /bench/heap) minus the heap just before, divided by N.
/// Talks only to the app at PEERMENTOR_BENCH_URL on loopback (bench/circuit-memory.sh starts it with the endpoint on).
/// </summary>
public static class CircuitMemory
{
    private const int Batch = 10;

    /// <summary>A page kind; with <paramref name="LinkOn"/> the page is the first link matching it on <paramref name="Path"/>.</summary>
    private sealed record Kind(string Name, string Email, string Path, string? LinkOn = null);

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        var baseUrl = new Uri(Environment.GetEnvironmentVariable("PEERMENTOR_BENCH_URL") ?? "http://127.0.0.1:5199/");
        if (!baseUrl.IsLoopback) throw new InvalidOperationException("The benchmark runs against loopback only.");
        var pages = int.Parse(Environment.GetEnvironmentVariable("PEERMENTOR_BENCH_PAGES") ?? "50", CultureInfo.InvariantCulture);
        var only = (Environment.GetEnvironmentVariable("PEERMENTOR_BENCH_KINDS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
        });
        var contexts = new Dictionary<string, IBrowserContext>();
        async Task<IBrowserContext> SignedIn(string email)
        {
            if (contexts.TryGetValue(email, out var known)) return known;
            var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout(120_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("account/login");
            await page.FillAsync("#Email", email);
            await page.FillAsync("#Password", DemoData.Password);
            await page.ClickAsync("form.form-card button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            await page.CloseAsync();
            return contexts[email] = context;
        }

        const string student = "student1@peermentor.local", mentor = "mentor1@peermentor.local", admin = "admin@peermentor.local";
        // Every page a signed-in person uses; the homes and the event page render statically (the event page has an island).
        Kind[] kinds =
        [
            new("student home", student, ""), new("calendar", student, "calendar"), new("booking", student, "mentors", "a[href^='mentors/']"),
            new("sessions", student, "sessions"), new("mentor home", mentor, ""), new("availability", mentor, "mentor/availability"),
            new("admin home", admin, ""), new("admin program", admin, "admin/programs", "a[href^='admin/programs/']"), new("admin users", admin, "admin/users"),
            new("mentors", student, "mentors"), new("session", admin, "admin/sessions", "a[href^='sessions/']"), new("assignments", student, "assignments"),
            new("notifications", student, "account/notifications"), new("mentor calendar", mentor, "calendar"),
            new("mentor assignments", mentor, "mentor/assignments"), new("mentor events", mentor, "mentor/events"),
            new("mentor reviews", mentor, "mentor/reviews"), new("event", mentor, "mentor/events", "a[href^='events/']"),
            new("admin programs", admin, "admin/programs"), new("admin sessions", admin, "admin/sessions"),
            new("admin registrations", admin, "admin/registrations"), new("admin reviews", admin, "admin/reviews"),
            new("admin mail", admin, "admin/mail"), new("admin deliveries", admin, "admin/deliveries"),
            new("admin user", admin, "admin/users", "a[href^='admin/users/']"),
        ];

        Console.WriteLine($"{pages} pages per kind; managed heap after a full compacting GC, per circuit:");
        var empty = await HeapAsync(http);
        var chosen = kinds.Where(k => only.Length == 0 || only.Contains(k.Name)).ToList();
        // The first N pages open at once grow what the process then keeps for any N connections (Kestrel's and SignalR's
        // buffer pools, the circuit registry's tables): about 60 KB a page, which went to whichever kind came first.
        // N pages of the first live kind opened and closed before measuring keep it out of every kind's figure.
        if (chosen.FirstOrDefault(k => k.Path.Length > 0) is { } first)
        {
            var context = await SignedIn(first.Email);
            var link = first.LinkOn is null ? first.Path : await FirstLinkAsync(context, first.Path, first.LinkOn);
            if (link is not null) await CloseAllAsync(await OpenAsync(context, link, pages));
            Console.WriteLine($"(warm-up: {pages} {first.Name} pages opened and closed before measuring)");
        }
        foreach (var listed in chosen)
        {
            var context = await SignedIn(listed.Email);
            var link = listed.LinkOn is null ? listed.Path : await FirstLinkAsync(context, listed.Path, listed.LinkOn);
            if (link is null)
            {
                Console.WriteLine($"{listed.Name,-19} no {listed.LinkOn} on /{listed.Path} in the demo data: not measured");
                continue;
            }
            var kind = listed with { Path = link };
            // One page first, closed again, so what is loaded once per process (JIT, caches) is not counted per circuit.
            await CloseAllAsync(await OpenAsync(context, kind.Path, 1));
            var before = await SettledHeapAsync(http);
            circuits = 0;
            var open = await OpenAsync(context, kind.Path, pages);
            if (circuits == 0) Console.WriteLine($"{kind.Name,-19} /{kind.Path,-52} renders statically: no circuit, nothing held between requests");
            var after = await HeapAsync(http);
            // Time to take a heap snapshot of the open pages (dotnet-gcdump collect -p <app pid>) when looking for what to shrink.
            if (int.TryParse(Environment.GetEnvironmentVariable("PEERMENTOR_BENCH_HOLD_SECONDS"), out var hold))
            {
                Console.WriteLine($"holding {pages} open {kind.Name} pages for {hold} s");
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }
            await CloseAllAsync(open);
            if (circuits == 0) continue;
            var perCircuit = (after.ManagedBytes - before.ManagedBytes) / (double)pages / 1024;
            var workingSet = (after.WorkingSetBytes - before.WorkingSetBytes) / (double)pages / 1024;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Name,-19} /{kind.Path,-52} {perCircuit,7:F0} KB managed  ({workingSet:F0} KB working set; heap before {before.ManagedBytes / 1048576.0:F1} MB)"));
        }
        var end = await HeapAsync(http);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heap with no page open: {empty.ManagedBytes / 1048576.0:F1} MB at the start, {end.ManagedBytes / 1048576.0:F1} MB at the end"));
        foreach (var context in contexts.Values) await context.DisposeAsync();
    }

    private static async Task<string?> FirstLinkAsync(IBrowserContext context, string path, string selector)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        string? href;
        try
        {
            href = await page.Locator(selector).First.GetAttributeAsync("href", new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            href = null;
        }
        await page.CloseAsync();
        return href;
    }

    /// <summary>Opens the pages in small batches and waits until nothing more is loading (the circuit is up by then); counts circuits.</summary>
    private static int circuits;

    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, string path, int count)
    {
        var pages = new List<IPage>();
        for (var done = 0; done < count; done += Batch)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(Batch, count - done)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                page.WebSocket += (_, socket) =>
                {
                    if (socket.Url.Contains("_blazor", StringComparison.Ordinal)) Interlocked.Increment(ref circuits);
                };
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                return page;
            }));
            pages.AddRange(batch);
        }
        return pages;
    }

    /// <summary>Leaves each page first, so Blazor tells the server the circuit is gone instead of it waiting to be reconnected.</summary>
    private static async Task CloseAllAsync(List<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.GotoAsync("about:blank");
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// The heap once the previous kind's closed pages are gone: their circuits are torn down in the background, and
    /// what is freed after this reading would be subtracted from the next kind's figure.
    /// </summary>
    private static async Task<Heap> SettledHeapAsync(HttpClient http)
    {
        var heap = await HeapAsync(http);
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var next = await HeapAsync(http);
            if (heap.ManagedBytes - next.ManagedBytes < 64 * 1024) return next;
            heap = next;
        }
        return heap;
    }

    private sealed record Heap(long ManagedBytes, long HeapSizeBytes, long WorkingSetBytes);

    private static async Task<Heap> HeapAsync(HttpClient http) =>
        await http.GetFromJsonAsync<Heap>("bench/heap") ?? throw new InvalidOperationException("No heap figures.");
}
