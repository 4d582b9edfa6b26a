using System.Diagnostics;
using System.Text.RegularExpressions;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.EndToEnd;

/// <summary>
/// A newcomer's first minute: copy the source tree as a fresh clone has it, run the README's run
/// command, and open the URL it prints.
/// </summary>
public partial class ReadmeWalkthroughTests
{
    [Fact]
    public async Task The_readme_run_command_starts_the_app_with_demo_data_at_the_printed_url()
    {
        var repo = RepositoryRoot();
        var command = RunCommand(await File.ReadAllTextAsync(Path.Combine(repo, "README.md")));
        var clone = await FreshCopyAsync(repo);
        using var process = Start(clone, $"{command} -- --urls http://127.0.0.1:0");
        var output = new List<string>();
        try
        {
            var url = await WaitForUrlAsync(process, output, TimeSpan.FromMinutes(5));
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            var home = await http.GetStringAsync("/");
            var health = await http.GetStringAsync("/health");

            Assert.Contains("Mentoring programs, run end to end", home);
            Assert.Equal("Healthy", health);
            List<string> printed;
            lock (output) printed = [.. output];
            Assert.Contains(printed, line => line.Contains("admin@peermentor.local", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(clone, "PeerMentor.Web", "App_Data", "peermentor.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(clone, recursive: true);
        }
    }

    private static string RunCommand(string readme)
    {
        var match = RunCommandPattern().Match(readme);
        Assert.True(match.Success, "README.md shows no `dotnet run` command in a code block.");
        return match.Value.Trim();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PeerMentor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above the test output.");
    }

    /// <summary>The files a clone has: tracked and not-ignored ones, without build output or local data.</summary>
    private static async Task<string> FreshCopyAsync(string repo)
    {
        var files = await ExternalProcess.RunAsync("git", "-C", repo, "ls-files", "--cached", "--others", "--exclude-standard");
        var clone = Directory.CreateTempSubdirectory("pm-clone-").FullName;
        foreach (var file in files.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(repo, file);
            if (!File.Exists(source)) continue;
            var target = Path.Combine(clone, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return clone;
    }

    private static Process Start(string folder, string command)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the README command.");
    }

    private static async Task<string> WaitForUrlAsync(Process process, List<string> output, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        _ = process.StandardError.ReadToEndAsync(cancel.Token);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            output.Add(line);
            var match = UrlPattern().Match(line);
            if (match.Success)
            {
                // The banner prints the logins right after the URL.
                _ = Task.Run(async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync() is { } more) lock (output) output.Add(more);
                });
                await Task.Delay(500);
                return match.Groups[1].Value;
            }
        }
        throw new InvalidOperationException("The app exited without printing its URL:\n" + string.Join('\n', output));
    }

    [GeneratedRegex(@"(?m)^\s*dotnet run[^\n]*$")]
    private static partial Regex RunCommandPattern();

    [GeneratedRegex(@"PeerMentor is running at (http://\S+)")]
    private static partial Regex UrlPattern();
}
