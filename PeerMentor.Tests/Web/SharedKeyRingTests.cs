using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

/// <summary>Behind a load balancer, a person signed in on one app instance stays signed in on the others.</summary>
public class SharedKeyRingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_sign_in_cookie_from_one_instance_opens_pages_on_another_instance_on_the_same_database(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using var first = new AppFactory(database, smtp: null);
        await using var second = new AppFactory(database, smtp: null);
        await using var elsewhere = await AppFactory.CreateAsync(kind, smtp: false);
        var student = await first.CreateAsync(Roles.Student, "Sam Shared");

        var cookie = await AuthCookieAsync(first, student);

        Assert.True(await first.RunAsync(s => s.GetRequiredService<AppDbContext>().Set<DataProtectionKey>().AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await GetCalendarAsync(second, cookie)).StatusCode);
        // An instance on another database has its own key ring, so the same cookie means nothing there:
        // the key ring lives in the database, not in this machine's profile folder.
        var stranger = await GetCalendarAsync(elsewhere, cookie);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.StartsWith("/account/login", stranger.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<string> AuthCookieAsync(AppFactory app, TestUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("PeerMentor.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }

    private static Task<HttpResponseMessage> GetCalendarAsync(AppFactory app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/calendar");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
