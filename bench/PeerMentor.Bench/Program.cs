using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Matching;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;

// Speed figures for the notes. Usage: dotnet run -c Release --project bench/PeerMentor.Bench -- <benchmark>
var benchmarks = new Dictionary<string, Action>
{
    ["hash"] = PasswordHash,
    ["slots"] = Slots,
    ["assign"] = Assign,
    ["outbox"] = PeerMentor.Bench.OutboxBench.Run,
    ["signin-flood"] = PeerMentor.Bench.SignInFlood.Run,
    ["circuits"] = PeerMentor.Bench.CircuitMemory.Run,
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
    // The two sizes: 20 students per mentor, experience 0-15 years, capacity with some room.
    foreach (var (studentCount, mentorCount) in new[] { (2000, 100), (10_000, 500) })
    {
        var random = new Random(2026);
        var students = Enumerable.Range(0, studentCount).Select(i => new StudentExperience($"s{i:D5}", random.Next(0, 16))).ToArray();
        var mentors = Enumerable.Range(0, mentorCount).Select(j => new MentorGroup($"m{j:D3}", 25, [])).ToArray();
        // Enough calls for tiered JIT to reach optimised code, as it has in a running app.
        var result = MentorAssignment.Assign(students, mentors);
        for (var i = 0; i < 200; i++) result = MentorAssignment.Assign(students, mentors);
        var times = Timed(21, "F2", _ => result = MentorAssignment.Assign(students, mentors));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"assign {studentCount:N0} students over {mentorCount} mentors (capacity 25, experience 0-15): {times} runs; makespan {result.Makespan} vs lower bound {result.LowerBound} (ratio {result.Ratio:F4}), {result.Unplaced.Count} unplaced"));
    }
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

// 31 days of free slots: Mon–Fri 09–12 and 13–17 local, 20 date overrides, 200 busy bookings per mentor; March 2026 holds DST changes.
static void Slots()
{
    string[] zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
    var from = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    var now = from.AddDays(-1);
    var random = new Random(2026);
    var mentors = Enumerable.Range(0, 20).Select(i => (Schedule: Mentor(zones[i % zones.Length]), Busy: BusyMonth())).ToArray();

    Measure("1 mentor", () => SlotCalculator.FreeSlots(mentors[0].Schedule, mentors[0].Busy, from, from.AddDays(31), now).Count);
    Measure("20 mentors", () =>
    {
        var count = 0;
        foreach (var (schedule, busy) in mentors) count += SlotCalculator.FreeSlots(schedule, busy, from, from.AddDays(31), now).Count;
        return count;
    });

    MentorSchedule Mentor(string zone)
    {
        var weekly = Enumerable.Range(1, 5).SelectMany(day => new[]
        {
            new WeeklyRule((DayOfWeek)day, new TimeOnly(9, 0), new TimeOnly(12, 0)),
            new WeeklyRule((DayOfWeek)day, new TimeOnly(13, 0), new TimeOnly(17, 0)),
        }).ToArray();
        var overrides = Enumerable.Range(0, 20).Select(i => new DateOverride(new DateOnly(2026, 3, 1 + i),
            i % 3 == 0 ? [] : [new LocalRange(new TimeOnly(8 + i % 4, 0), new TimeOnly(14 + i % 5, 30))])).ToArray();
        return new MentorSchedule(zone, weekly, overrides, new SlotPolicy(45, 10, 10, 12 * 60, 60));
    }

    Interval[] BusyMonth() => Enumerable.Range(0, 200).Select(_ =>
    {
        var start = from.AddMinutes(15 * random.Next(31 * 24 * 4));
        return new Interval(start, start.AddMinutes(30 + 15 * random.Next(4)));
    }).ToArray();

    static void Measure(string what, Func<int> run)
    {
        // Long enough for tiered JIT to promote the hot methods to optimised code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 200 || warmUp.ElapsedMilliseconds < 1000; i++) run();
        var times = new List<double>();
        var slots = 0;
        for (var i = 0; i < 500; i++)
        {
            var watch = Stopwatch.StartNew();
            slots = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slots, {what}, 31 days: median {times[times.Count / 2]:F3} ms, p95 {times[(int)(times.Count * 0.95)]:F3} ms over {times.Count} runs ({slots} slots)"));
    }
}
