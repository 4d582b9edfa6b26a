using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Web.Auth;

// Speed figures for the notes. Usage: dotnet run -c Release --project bench/PeerMentor.Bench -- <benchmark>
var benchmarks = new Dictionary<string, Action>
{
    ["hash"] = PasswordHash,
};

if (args.Length != 1 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"Usage: PeerMentor.Bench <{string.Join('|', benchmarks.Keys)}>");
    return 2;
}
run();
return 0;

static void PasswordHash()
{
    var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = AuthSetup.PasswordHashIterations }));
    var user = new AppUser();
    hasher.HashPassword(user, "warm up the JIT first");
    var times = new List<double>();
    for (var i = 0; i < 15; i++)
    {
        var watch = Stopwatch.StartNew();
        hasher.HashPassword(user, $"violet stapler journey {i}");
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"PBKDF2-SHA512 x {AuthSetup.PasswordHashIterations:N0}: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {times.Count} hashes"));
}
