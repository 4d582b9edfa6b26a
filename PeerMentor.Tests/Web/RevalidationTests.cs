using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.EndToEnd;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web.Api;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Web;

public class RevalidationTests
{
    /// <summary>The documented default of Auth:RevalidationSeconds, plus a second.</summary>
    private static readonly TimeSpan PastTheInterval = TimeSpan.FromSeconds(new SessionLimits().RevalidationSeconds + 1);

    private static Task DeleteAsync(AppFactory app, string userId, string adminId) =>
        app.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(userId, adminId));

    private static Task ChangePasswordAsync(AppFactory app, TestUser user) => app.RunAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<AppUser>>();
        var changed = await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id))!, user.Password, "a brand new passphrase here");
        Assert.True(changed.Succeeded);
    });

    private static async Task<AppFactory> AppOnAsync(FakeTimeProvider clock) =>
        new(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), smtp: null)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };

    [Fact]
    public async Task A_deleted_persons_cookie_stops_working_within_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var admin = await app.CreateAsync(Roles.Admin);
        var student = await app.CreateAsync(Roles.Student);
        var client = await app.SignedInClientAsync(student);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);

        await DeleteAsync(app, student.Id, admin.Id);
        clock.Advance(PastTheInterval);
        var response = await client.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_students_bearer_token_stops_working_within_a_minute_and_requests_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor);
        var student = await app.CreateAsync(Roles.Student);
        var client = await app.BearerClientAsync(student);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessions")).StatusCode);

        await DeleteAsync(app, student.Id, admin.Id);
        clock.Advance(PastTheInterval);
        var list = await client.GetAsync("/api/v1/sessions");
        var request = await client.PostAsJsonAsync("/api/v1/sessions",
            new { MentorId = mentor.Id, StartUtc = clock.GetUtcNow().UtcDateTime.AddDays(3), Minutes = 30 });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, request.StatusCode);
        Assert.Equal(0, await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Sessions.CountAsync(x => x.StudentId == student.Id)));
    }

    [Fact]
    public async Task A_bearer_token_in_constant_use_still_stops_working_the_moment_its_hour_is_up()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var student = await app.CreateAsync(Roles.Student);
        var client = await app.BearerClientAsync(student);

        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(20));
        var justBefore = await client.GetAsync("/api/v1/sessions");
        clock.Advance(TimeSpan.FromSeconds(21));
        var justAfter = await client.GetAsync("/api/v1/sessions");

        Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, justAfter.StatusCode);
    }

    [Fact]
    public async Task An_old_bearer_token_stops_working_within_a_minute_of_a_password_change_while_a_new_one_works()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var student = await app.CreateAsync(Roles.Student);
        var old = await app.BearerClientAsync(student);

        await ChangePasswordAsync(app, student);
        clock.Advance(PastTheInterval);
        var fresh = await app.BearerClientAsync(student with { Password = "a brand new passphrase here" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_on_the_api_stops_working_within_a_minute_of_a_password_change()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var student = await app.CreateAsync(Roles.Student);
        var client = await app.SignedInClientAsync(student);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessions")).StatusCode);

        await ChangePasswordAsync(app, student);
        clock.Advance(PastTheInterval);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/sessions")).StatusCode);
    }

    [Fact]
    public async Task An_action_on_an_open_page_is_refused_within_a_minute_of_a_password_change()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await AppOnAsync(clock);
        var student = await app.CreateAsync(Roles.Student);
        await using var page = await app.PageScopeAsync(student);
        var actions = page.ServiceProvider.GetRequiredService<ScopedActions>();
        Task<int> CountSessionsAsync() => actions.RunAsync<AppDbContext, int>(db => db.Sessions.CountAsync());
        Assert.Equal(0, await CountSessionsAsync());

        await ChangePasswordAsync(app, student);
        clock.Advance(PastTheInterval);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(CountSessionsAsync);
        var state = await page.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task An_open_page_is_sent_to_sign_in_when_its_password_is_changed_elsewhere()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false, extra: new Dictionary<string, string?> { ["Auth:RevalidationSeconds"] = "2" });
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);
        await page.GotoAsync("sessions");
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your sessions" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await ChangePasswordAsync(app, student);

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        Assert.Contains("returnUrl=%2Fsessions", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_opened_after_the_password_was_changed_elsewhere_is_sent_to_sign_in_at_once()
    {
        // The default interval (a minute): the cookie itself is not due for its check yet, so only the page's own
        // check when it opens can catch it.
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var baseUrl = app.StartKestrel();
        var student = await app.CreateAsync(Roles.Student);
        await using var context = await Browser.NewContextAsync(baseUrl);
        var page = await context.NewPageAsync();
        await page.SignInAsync(student);

        await ChangePasswordAsync(app, student);
        await page.GotoAsync("sessions");

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        Assert.Contains("returnUrl=%2Fsessions", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_page_of_a_deleted_person_fails_its_next_revalidation()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor);
        var principal = await app.PrincipalAsync(mentor);
        var provider = app.Run(s => (RevalidatingIdentityStateProvider)s.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await provider.IsStillValidAsync(principal));

        await DeleteAsync(app, mentor.Id, admin.Id);

        Assert.False(await provider.IsStillValidAsync(principal));
    }
}
