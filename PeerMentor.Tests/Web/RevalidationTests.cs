using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Web.Auth;

namespace PeerMentor.Tests.Web;

public class RevalidationTests
{
    private static Task DeleteAsync(AppFactory app, string userId, string adminId) =>
        app.RunAsync(s => s.GetRequiredService<AccountAdminService>().DeleteAsync(userId, adminId));

    [Fact]
    public async Task A_deleted_persons_cookie_stops_working_within_a_minute()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new AppFactory(await TestDatabase.CreateAsync(DatabaseKind.Sqlite), smtp: null)
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var admin = await app.CreateAsync(Roles.Admin);
        var student = await app.CreateAsync(Roles.Student);
        var client = await app.SignedInClientAsync(student);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);

        await DeleteAsync(app, student.Id, admin.Id);
        clock.Advance(AuthSetup.RevalidationInterval + TimeSpan.FromSeconds(1));
        var response = await client.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_page_of_a_deleted_person_fails_its_next_revalidation()
    {
        await using var app = await AppFactory.CreateAsync(smtp: false);
        var admin = await app.CreateAsync(Roles.Admin);
        var mentor = await app.CreateAsync(Roles.Mentor);
        var principal = await app.RunAsync(async s =>
        {
            var signIn = s.GetRequiredService<SignInManager<AppUser>>();
            return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(mentor.Id))!);
        });
        var provider = app.Run(s => (RevalidatingIdentityStateProvider)s.GetRequiredService<AuthenticationStateProvider>());
        Assert.True(await provider.IsStillValidAsync(principal));

        await DeleteAsync(app, mentor.Id, admin.Id);

        Assert.False(await provider.IsStillValidAsync(principal));
        Assert.Equal(TimeSpan.FromMinutes(1), AuthSetup.RevalidationInterval);
    }
}
