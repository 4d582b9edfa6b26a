using System.Diagnostics;
using System.Globalization;

namespace PeerMentor.Tests.Infrastructure;

/// <summary>
/// Everything a test run leaves on disk lives in one folder, /tmp/pm-run-{pid}. A watchdog (a detached shell that
/// polls the test host's pid) runs the run's stop commands and deletes the folder once the test host is gone, also
/// when it was killed and never reached ProcessExit; ProcessExit does the same sooner when it runs. A run first
/// clears what earlier runs left behind if their test host is no longer alive.
/// </summary>
public static class TestRun
{
    private const string Prefix = "pm-run-";
    private static readonly Lazy<string> Root = new(Create);
    private static readonly Lock StopLock = new();

    public static string Folder => Root.Value;

    /// <summary>A new folder inside the run's folder, e.g. for a PostgreSQL cluster.</summary>
    public static string NewFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}")).FullName;

    /// <summary>A shell command that stops something this run started, run when the test host is gone.</summary>
    public static void OnExit(string shellCommand)
    {
        lock (StopLock) File.AppendAllText(StopScript(Folder), shellCommand + "\n");
    }

    private static string StopScript(string folder) => Path.Combine(folder, "stop.sh");

    private static string Create()
    {
        ClearStaleRuns();
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(StopScript(folder), "");
        StartWatchdog(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(folder);
        return folder;
    }

    private static void StartWatchdog(string folder)
    {
        // setsid: its own session, so whatever kills the test host's process group leaves it to clean up.
        var info = new ProcessStartInfo("setsid") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "sh", "-c", """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            [ -f "$2/stop.sh" ] && sh "$2/stop.sh"
            rm -rf "$2"
            """, "pm-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), folder })
            info.ArgumentList.Add(arg);
        using var _ = Process.Start(info);
    }

    private static void Stop(string folder)
    {
        try
        {
            if (File.Exists(StopScript(folder)))
            {
                using var stop = Process.Start("sh", [StopScript(folder)]);
                stop.WaitForExit(20_000);
            }
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The watchdog tries again once this process is gone.
        }
    }

    /// <summary>Folders of runs whose test host is gone (killed along with its watchdog, say): stop what they started and delete them.</summary>
    private static void ClearStaleRuns()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}")) continue;
            Stop(folder);
        }
        ClearOldLayout();
    }

    /// <summary>
    /// Before runs had one folder, each database, cluster and mail folder sat in /tmp by itself. Those over an hour
    /// old that no running process names (a live cluster's postgres does) are left over from killed runs.
    /// </summary>
    private static void ClearOldLayout()
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        var inUse = string.Join('\n', Directory.GetDirectories("/proc").Select(p => Path.Combine(p, "cmdline")).Select(ReadQuietly));
        var temp = Path.GetTempPath();
        foreach (var file in Directory.GetFiles(temp, "pm-test-*.db*").Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
            File.Delete(file);
        foreach (var folder in new[] { "pm-pg-*", "pm-smtp-*", "pm-crash-*" }.SelectMany(p => Directory.GetDirectories(temp, p)))
        {
            if (Directory.GetLastWriteTimeUtc(folder) >= cutoff || inUse.Contains(folder, StringComparison.Ordinal)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    private static string ReadQuietly(string file)
    {
        try { return File.ReadAllText(file).Replace('\0', ' '); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return ""; }
    }
}
