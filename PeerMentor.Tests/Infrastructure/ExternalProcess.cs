using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerMentor.Tests.Infrastructure;

internal static class ExternalProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return await stdout;
    }

    public static async Task WaitForPortAsync(int port, TimeSpan timeout, Func<bool>? hasExited = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited?.Invoke() == true) throw new InvalidOperationException($"The server for port {port} exited before it listened.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listened on port {port} within {timeout.TotalSeconds} s.");
    }

    public static void Require(string path, string package)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing. Install Debian's {package} (bash .ci/test installs it: apt-get install -y {package}).");
    }
}
