using System.Diagnostics;

namespace PeerMentor.Bench;

/// <summary>
/// A server the benchmark starts: stopped when disposed, when the benchmark exits, and (through the kernel's
/// parent-death signal, setpriv --pdeathsig) even when the benchmark is killed. Start it from the main thread:
/// the signal follows the thread that started the child.
/// </summary>
internal sealed class Child : IDisposable
{
    private readonly Process _process;

    private Child(Process process)
    {
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public static Child Start(string file, string[] args, Dictionary<string, string> environment)
    {
        var guarded = File.Exists("/usr/bin/setpriv");
        var info = new ProcessStartInfo(guarded ? "/usr/bin/setpriv" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (guarded) foreach (var arg in new[] { "--pdeathsig", "KILL", "--", file }) info.ArgumentList.Add(arg);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new Child(process);
    }

    /// <summary>CPU time the process has used so far (user and system).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
