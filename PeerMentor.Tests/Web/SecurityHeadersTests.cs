using System.Net;
using Microsoft.AspNetCore.Hosting;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

public class SecurityHeadersTests
{
    private static string Directive(HttpResponseMessage response, string name) =>
        string.Join(";", response.Headers.GetValues("Content-Security-Policy")).Split(';').Select(d => d.Trim())
            .Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    [Fact]
    public async Task Pages_run_script_only_from_this_site_and_cannot_be_framed()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var response = await app.CreateClient().GetAsync("/account/login");

        Assert.Equal("script-src 'self'", Directive(response, "script-src"));
        Assert.Equal("frame-ancestors 'none'", Directive(response, "frame-ancestors"));
        Assert.Contains("ws://localhost", Directive(response, "connect-src"), StringComparison.Ordinal);
        Assert.Equal(("nosniff", "same-origin"), (response.Headers.GetValues("X-Content-Type-Options").Single(), response.Headers.GetValues("Referrer-Policy").Single()));
    }

    [Fact]
    public async Task Api_answers_are_never_sniffed_or_run_as_documents()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);

        var response = await app.CreateClient().GetAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'", Directive(response, "default-src"));
    }

    [Fact]
    public async Task Over_https_every_cookie_the_app_sets_is_secure()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var user = await app.CreateAsync(PeerMentor.Domain.Accounts.Roles.Student);
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/account/login");
        var signIn = await client.PostLoginAsync(user.Email, user.Password);
        var theme = await client.PostAsync("/preferences/theme", new FormUrlEncodedContent(
            [new("theme", "Dark"), new("__RequestVerificationToken", await client.AntiforgeryTokenAsync("/"))]));

        var cookies = new[] { page, signIn, theme }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("PeerMentor.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("pm-theme=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_production_plain_http_is_sent_to_https_and_https_answers_carry_hsts()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("https_port", "443"));

        var plain = await production.CreateClient(new() { BaseAddress = new Uri("http://peermentor.example"), AllowAutoRedirect = false }).GetAsync("/account/login");
        var secure = await production.CreateClient(new() { BaseAddress = new Uri("https://peermentor.example") }).GetAsync("/account/login");

        Assert.Equal("https://peermentor.example/account/login", plain.Headers.Location?.ToString());
        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
