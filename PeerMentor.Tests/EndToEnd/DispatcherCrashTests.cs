using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>The app process is killed (SIGKILL) while it delivers mail; after a restart nothing is lost.</summary>
public class DispatcherCrashTests
{
    private const int Messages = 300;

    [Fact]
    public async Task After_a_kill_mid_dispatch_and_a_restart_every_committed_mail_arrives_and_at_most_the_chunk_in_flight_twice()
    {
        var smtp = await SmtpSink.InstanceAsync();
        var folder = TestRun.NewFolder("crash");
        var connection = $"Data Source={Path.Combine(folder, "crash.db")}";
        var to = TestUsers.NewEmail("crash");

        using (var first = Start(connection, smtp.Port, folder))
        {
            await WaitForHealthAsync(first);
            await using (var db = Open(connection))
            {
                db.Outbox.AddRange(Enumerable.Range(0, Messages).Select(i =>
                    OutboxMessage.Mail(new MailMessage(to, $"Crash mail {i:D3}", "t", "h"), DateTime.UtcNow)));
                await db.SaveChangesAsync();
            }
            await WaitUntilAsync(() => smtp.MailTo(to).Count >= 40, TimeSpan.FromSeconds(60));
            first.Process.Kill();
            await first.Process.WaitForExitAsync();
        }
        var beforeRestart = smtp.MailTo(to).Count;

        using (var second = Start(connection, smtp.Port, folder))
        {
            await WaitUntilAsync(() => smtp.MailTo(to).Select(m => m.Subject).Distinct().Count() >= Messages, TimeSpan.FromSeconds(120));
            await Task.Delay(1000);
            second.Process.Kill();
        }

        var subjects = smtp.MailTo(to).Select(m => m.Subject).ToList();
        Assert.InRange(beforeRestart, 40, Messages - 1);
        Assert.Equal(Messages, subjects.Distinct().Count());
        // One recipient is one lane: only the chunk it had sent but not yet recorded can arrive again.
        Assert.InRange(subjects.Count - Messages, 0, PeerMentor.Web.Jobs.OutboxDispatcher.ChunkSize);
    }

    private sealed record RunningApp(Process Process, int Port) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    private static RunningApp Start(string connection, int smtpPort, string contentRoot)
    {
        var port = ExternalProcess.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "PeerMentor.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DemoData__Seed"] = "false";
        info.Environment["ConnectionStrings__Default"] = connection;
        info.Environment["Email__Smtp__Host"] = "127.0.0.1";
        info.Environment["Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Email__Smtp__EnableSsl"] = "false";
        info.Environment["Notifications__Dispatcher__PollSeconds"] = "0.2";
        info.Environment["Notifications__Dispatcher__LeaseSeconds"] = "5";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new RunningApp(process, port);
    }

    private static async Task WaitForHealthAsync(RunningApp app)
    {
        using var http = new HttpClient();
        await WaitUntilAsync(() =>
        {
            try { return http.GetAsync($"http://127.0.0.1:{app.Port}/health").Result.IsSuccessStatusCode; }
            catch (AggregateException) { return false; }
        }, TimeSpan.FromSeconds(60));
    }

    private static AppDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(50);
        }
    }
}
