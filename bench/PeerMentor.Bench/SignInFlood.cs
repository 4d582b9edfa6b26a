using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PeerMentor.Domain.Accounts;

namespace PeerMentor.Bench;

/// <summary>
/// What a flood of wrong passwords does to everyone else: the p99 of other API traffic (a signed-in student listing
/// their sessions) for 20 s without, then 20 s with 2,000 wrong-password token requests from one address. Bounded in
/// count and time; talks only to the app at PEERMENTOR_BENCH_URL (bench/signin-flood.sh starts one on loopback).
/// </summary>
public static class SignInFlood
{
    private const int FloodRequests = 2000;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(20);

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        var baseUrl = new Uri(Environment.GetEnvironmentVariable("PEERMENTOR_BENCH_URL") ?? "http://127.0.0.1:5198/");
        if (!baseUrl.IsLoopback) throw new InvalidOperationException("The flood runs against loopback only.");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var token = await TokenAsync(http, "student1@peermentor.local", DemoData.Password);

        await OtherTrafficAsync(http, token, TimeSpan.FromSeconds(3)); // warm-up
        var quiet = await OtherTrafficAsync(http, token, Phase);
        var floodTask = FloodAsync(http);
        var loud = await OtherTrafficAsync(http, token, Phase);
        var answers = await floodTask;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"other traffic without flood: {Summary(quiet)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"other traffic with flood:    {Summary(loud)}  (p99 {Change(P(quiet, 0.99), P(loud, 0.99))})"));
        Console.WriteLine("flood answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key} x {a.Value}")));
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Two clients, each asking every 20 ms, for the given time; returns each answer's latency in ms.</summary>
    private static async Task<List<double>> OtherTrafficAsync(HttpClient http, string token, TimeSpan length)
    {
        var latencies = new ConcurrentBag<double>();
        var end = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            while (end.Elapsed < length)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/sessions");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Other traffic got {response.StatusCode}.");
                await Task.Delay(20);
            }
        }));
        return [.. latencies];
    }

    /// <summary>2,000 wrong passwords for one account, sent evenly over 20 s (at most 30 s in all), from this one address.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> FloodAsync(HttpClient http)
    {
        using var deadline = new CancellationTokenSource(Phase + TimeSpan.FromSeconds(10));
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        var start = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < FloodRequests; i++)
        {
            var due = Phase * i / FloodRequests;
            if (due > start.Elapsed) await Task.Delay(due - start.Elapsed);
            var attempt = i;
            sends.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.PostAsJsonAsync("api/v1/auth/token",
                        new { email = "student2@peermentor.local", password = $"wrong password {attempt}" }, deadline.Token);
                    answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                }
                catch (OperationCanceledException)
                {
                    answers.AddOrUpdate(HttpStatusCode.RequestTimeout, 1, (_, n) => n + 1);
                }
            }));
        }
        await Task.WhenAll(sends);
        return new Dictionary<HttpStatusCode, int>(answers);
    }

    private static double P(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Summary(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Count} requests, p50 {P(values, 0.5):F1} ms, p99 {P(values, 0.99):F1} ms, max {values.Max():F1} ms");

    private static string Change(double before, double after) =>
        string.Create(CultureInfo.InvariantCulture, $"{(after - before) / before * 100:+0;-0}%");
}
