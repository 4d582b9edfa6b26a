using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Bench;

/// <summary>
/// 10,000 due mails through the real app process and a real SMTP server (Debian python3-aiosmtpd, via the
/// tests' sink): throughput, duplicates, and commit-to-receipt latency for single messages.
/// </summary>
internal static class OutboxBench
{
    private static readonly int Bulk = int.TryParse(Environment.GetEnvironmentVariable("PM_BENCH_OUTBOX_MAILS"), out var n) ? n : 10_000;
    // Production mail servers announce PIPELINING, aiosmtpd does not unless told; PM_BENCH_SMTP_PIPELINING=0 measures without it.
    private static readonly bool Pipelining = Environment.GetEnvironmentVariable("PM_BENCH_SMTP_PIPELINING") != "0";
    private const int Singles = 40;
    private const string PollSeconds = "0.1";

    public static void Run()
    {
        var repo = FindRepo();
        var folder = Directory.CreateTempSubdirectory("pm-bench-outbox-").FullName;
        var mailFolder = Directory.CreateDirectory(Path.Combine(folder, "mail")).FullName;
        var (smtpPort, appPort) = (FreePort(), FreePort());
        var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        using var sink = Child.Start("/usr/bin/python3", [Path.Combine(repo, "PeerMentor.Tests", "Infrastructure", "smtp_sink.py"), Port(smtpPort), mailFolder,
            "--parent", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--headers-only", "--log", .. (Pipelining ? new[] { "--pipelining" } : [])], new());
        using var app = Child.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "PeerMentor.Web.dll"), "--urls", $"http://127.0.0.1:{Port(appPort)}"], new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DemoData__Seed"] = "false", ["ConnectionStrings__Default"] = connection,
            ["Email__Smtp__Host"] = "127.0.0.1", ["Email__Smtp__Port"] = Port(smtpPort), ["Email__Smtp__EnableSsl"] = "false",
            ["Notifications__Dispatcher__PollSeconds"] = PollSeconds, ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            WaitFor(() => HealthOk(appPort), TimeSpan.FromMinutes(2));
            using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);

            db.Outbox.AddRange(Enumerable.Range(0, Bulk).Select(i => OutboxMessage.Mail(new MailMessage($"bulk{i % 100}@example.com", $"Bulk {i:D5}", "t", "<p>h</p>"), DateTime.UtcNow)));
            var (appCpu, sinkCpu) = (app.Cpu, sink.Cpu);
            var watch = Stopwatch.StartNew();
            db.SaveChanges();
            // A look every 100 ms costs the app and the server little CPU and adds at most that to the time.
            var received = new ReceivedLog(mailFolder);
            var all = WaitFor(() => received.Count >= Bulk, TimeSpan.FromMinutes(30), throwOnTimeout: false, every: TimeSpan.FromMilliseconds(100));
            var seconds = watch.Elapsed.TotalSeconds;
            (appCpu, sinkCpu) = (app.Cpu - appCpu, sink.Cpu - sinkCpu);
            // Late arrivals would be duplicates: give them a moment.
            Thread.Sleep(1000);
            var subjects = received.Lines.Select(SubjectOf).ToList();
            var distinct = subjects.Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"outbox: {Bulk:N0} mails to the SMTP server ({(Pipelining ? "announcing" : "without")} PIPELINING) in {seconds:F1} s = {distinct / seconds:F0} messages/s; lost: {Bulk - distinct}{(all ? "" : " (timed out)")}; duplicates: {subjects.Count - distinct}; CPU per mail: app {appCpu.TotalMilliseconds / Bulk:F2} ms, SMTP server {sinkCpu.TotalMilliseconds / Bulk:F2} ms"));

            var latencies = new List<double>();
            for (var i = 0; i < Singles; i++)
            {
                var before = received.Count;
                db.Outbox.Add(OutboxMessage.Mail(new MailMessage("single@example.com", $"Single {i}", "t", "h"), DateTime.UtcNow));
                var single = Stopwatch.StartNew();
                db.SaveChanges();
                WaitFor(() => received.Count > before, TimeSpan.FromMinutes(1));
                latencies.Add(single.Elapsed.TotalMilliseconds);
            }
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"outbox: commit (by another process, found by the {PollSeconds} s poll) to receipt for single mails: median {latencies[Singles / 2]:F0} ms, p95 {latencies[(int)(Singles * 0.95)]:F0} ms over {Singles}"));
        }
        finally
        {
            app.Dispose();
            sink.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// What the server has received, one JSON line per message in its log, read on from where the last look stopped
    /// (a line still being written waits for the next look).
    /// </summary>
    private sealed class ReceivedLog(string folder)
    {
        private readonly List<string> _lines = [];
        private string _partial = "";
        private long _offset;

        public int Count => Lines.Count;

        public List<string> Lines
        {
            get
            {
                var path = Path.Combine(folder, "received.jsonl");
                if (!File.Exists(path)) return _lines;
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) { Position = _offset };
                using var reader = new StreamReader(stream);
                var text = _partial + reader.ReadToEnd();
                _offset = stream.Position;
                var end = text.LastIndexOf('\n') + 1;
                _lines.AddRange(text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries));
                _partial = text[end..];
                return _lines;
            }
        }
    }

    private static string SubjectOf(string line) =>
        System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("subject").GetString() ?? "";

    private static bool HealthOk(int port)
    {
        using var http = new HttpClient();
        try { return http.GetAsync(new Uri($"http://127.0.0.1:{port}/health")).Result.IsSuccessStatusCode; }
        catch (AggregateException) { return false; }
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan timeout, bool throwOnTimeout = true, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return throwOnTimeout ? throw new TimeoutException("Timed out.") : false;
            Thread.Sleep(every ?? TimeSpan.FromMilliseconds(20));
        }
        return true;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepo()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PeerMentor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
