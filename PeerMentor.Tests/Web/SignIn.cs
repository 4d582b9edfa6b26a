using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Web;

internal static class SignIn
{
    /// <summary>Signs in through the real form and returns the response to the POST (a redirect on success).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password) =>
        client.SubmitAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, TestUser user)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(user.Email, user.Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>The principal a sign-in of this person would carry now (with their current security stamp).</summary>
    public static Task<ClaimsPrincipal> PrincipalAsync(this AppFactory app, TestUser user) => app.RunAsync(async s =>
    {
        var signIn = s.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(user.Id))!);
    });

    /// <summary>The services of one interactive page (a circuit's scope) signed in as this person.</summary>
    public static async Task<AsyncServiceScope> PageScopeAsync(this AppFactory app, TestUser user)
    {
        var principal = await app.PrincipalAsync(user);
        var page = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)page.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return page;
    }
}
