using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Security;

namespace PeerMentor.Tests.Web;

/// <summary>Failures people meet get a page that says what to do, in every environment, and never a stack trace.</summary>
public class ErrorPageTests
{
    private const string BadRequestHeading = "We could not accept that request";

    [Theory]
    [InlineData("/account/logout", "returnUrl", "/")]
    [InlineData("/preferences/theme", "theme", "Dark")]
    public async Task A_form_post_without_its_antiforgery_token_gets_the_400_page(string url, string field, string value)
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var client = app.CreateClient();

        var response = await client.PostAsync(url, new FormUrlEncodedContent([new(field, value)]));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestHeading, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_posted_with_a_stale_token_gets_the_same_400_page()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var client = app.CreateClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("_handler", "login"), new("__RequestVerificationToken", "stale"), new("Input.Email", "a@example.com"), new("Input.Password", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BadRequestHeading, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Even_in_development_an_exception_that_escapes_every_handler_shows_no_details()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Services.AddPeerMentorSecurity();
        await using var app = builder.Build();
        app.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        await app.StartAsync();

        var response = await app.GetTestClient().GetAsync("/boom");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("secret internals", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
