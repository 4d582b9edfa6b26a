using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Matching;
using PeerMentor.Web.Auth;

// Speed figures for the notes. Usage: dotnet run -c Release --project bench/PeerMentor.Bench -- <benchmark>
var benchmarks = new Dictionary<string, Action>
{
    ["hash"] = PasswordHash,
    ["assign"] = Assign,
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
    var times = Timed(15, "F0", i => hasher.HashPassword(user, $"violet stapler journey {i}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PBKDF2-SHA512 x {AuthSetup.PasswordHashIterations:N0}: {times} hashes"));
}

static void Assign()
{
    var random = new Random(2026);
    var students = Enumerable.Range(0, 2000).Select(i => new StudentExperience($"s{i:D4}", random.Next(0, 16))).ToArray();
    var mentors = Enumerable.Range(0, 100).Select(j => new MentorGroup($"m{j:D3}", 25, [])).ToArray();
    // Enough calls for tiered JIT to reach optimised code, as it has in a running app.
    var result = MentorAssignment.Assign(students, mentors);
    for (var i = 0; i < 500; i++) result = MentorAssignment.Assign(students, mentors);
    var times = Timed(21, "F2", _ => result = MentorAssignment.Assign(students, mentors));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"assign 2,000 students over 100 mentors (capacity 25, experience 0-15): {times} runs; makespan {result.Makespan} vs lower bound {result.LowerBound} (ratio {result.Ratio:F3}), {result.Unplaced.Count} unplaced"));
}

/// <summary>Runs the action and sums up its wall-clock times: "median … ms, min … ms, max … ms over N".</summary>
static string Timed(int runs, string format, Action<int> action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action(i);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    string Ms(double value) => value.ToString(format, CultureInfo.InvariantCulture) + " ms";
    return $"median {Ms(times[runs / 2])}, min {Ms(times[0])}, max {Ms(times[^1])} over {runs}";
}
