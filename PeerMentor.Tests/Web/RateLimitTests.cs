using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Auth;

namespace PeerMentor.Tests.Web;

public class RateLimitTests
{
    /// <summary>One post per form and address, the next one 30 s later: the tests are over long before that.</summary>
    private static Dictionary<string, string?> SmallLimits(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:PerFormPerAddressPerMinute"] = "2" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static Task<HttpResponseMessage> AskForTokenAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = TestUsers.NewEmail(), password = "not the password at all" }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ExhaustAsync(HttpClient client, string? forwardedFor = null)
    {
        for (var i = 0; i < 10; i++)
        {
            var response = await AskForTokenAsync(client, forwardedFor);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return response;
        }
        throw new InvalidOperationException("The token endpoint never answered 429.");
    }

    [Fact]
    public async Task A_busy_token_endpoint_does_not_lock_the_same_address_out_of_password_resets()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits());
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await ExhaustAsync(client);

        var reset = await client.SubmitAsync("/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = TestUsers.NewEmail() });

        Assert.NotEqual(HttpStatusCode.TooManyRequests, reset.StatusCode);
    }

    [Fact]
    public async Task Every_429_says_when_to_come_back()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits());

        var refused = await ExhaustAsync(app.CreateClient());

        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits(("RateLimits:TrustedProxies:0", "127.0.0.1")));
        using var client = new HttpClient { BaseAddress = new Uri(app.StartKestrel()) };
        await ExhaustAsync(client, forwardedFor: "203.0.113.7");

        var other = await AskForTokenAsync(client, forwardedFor: "203.0.113.8");

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_addresses_from_an_untrusted_peer_are_ignored()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits());
        using var client = new HttpClient { BaseAddress = new Uri(app.StartKestrel()) };
        await ExhaustAsync(client, forwardedFor: "203.0.113.7");

        var other = await AskForTokenAsync(client, forwardedFor: "203.0.113.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task One_account_is_limited_across_addresses()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits(
            ("RateLimits:TrustedProxies:0", "127.0.0.1"), ("RateLimits:PerFormPerAccountPerMinute", "2"), ("RateLimits:PerFormPerAddressPerMinute", "60")));
        using var client = new HttpClient { BaseAddress = new Uri(app.StartKestrel()) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { email = "one.account@example.com", password = "not the password at all" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task While_the_password_checks_are_all_taken_the_next_one_is_turned_away_with_503_and_retry_after()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits(
            ("RateLimits:PerFormPerAddressPerMinute", "600"), ("RateLimits:PerAddressPerMinute", "600"), ("RateLimits:PasswordCheckQueue", "0")));
        var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<PasswordCheckGate>();

        HttpResponseMessage refused;
        using (var running = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.NotNull(running);
            refused = await AskForTokenAsync(client);
        }
        var afterwards = await AskForTokenAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_password_check_that_finds_the_checks_taken_waits_in_line_for_its_turn()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: SmallLimits(
            ("RateLimits:PerFormPerAddressPerMinute", "600"), ("RateLimits:PerAddressPerMinute", "600"), ("RateLimits:PasswordCheckQueue", "1"),
            ("RateLimits:PasswordCheckWaitSeconds", "30")));
        var client = app.CreateClient();
        var gate = app.Services.GetRequiredService<PasswordCheckGate>();

        Task<HttpResponseMessage> waiting;
        using (var running = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.NotNull(running);
            waiting = AskForTokenAsync(client);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (gate.Waiting == 0 && !waiting.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(1, gate.Waiting);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await waiting).StatusCode);
    }
}
