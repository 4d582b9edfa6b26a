using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Web.Auth;
using PeerMentor.Web.Components.Shared;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Components;

/// <summary>
/// Components that act through the app's own services: a real app (SQLite) behind them, and the page's door
/// (ScopedActions with its PageGuard) built from the app's services for the person signed in with <see cref="SignInAsync"/>.
/// </summary>
public abstract class AppComponentTest : ComponentTest
{
    private AppFactory? app;
    private bool ownsApp;

    protected AppFactory App => app ?? throw new InvalidOperationException("Call StartAppAsync first.");

    protected async Task<AppFactory> StartAppAsync()
    {
        UseApp(await AppFactory.CreateAsync(smtp: false));
        ownsApp = true;
        return App;
    }

    /// <summary>Renders against an app the test made itself (and disposes itself), e.g. a SchedulingScenario's.</summary>
    protected void UseApp(AppFactory app)
    {
        this.app = app;
        foreach (var type in new[] { typeof(IDbContextFactory<AppDbContext>), typeof(TimeProvider), typeof(IOptions<SchedulingOptions>),
                     typeof(AccountStampCheck), typeof(PageActionLimiter), typeof(OpenPages), typeof(ILoggerFactory), typeof(IOptions<SessionLimits>) })
            Services.AddSingleton(type, app.Services.GetRequiredService(type));
        Services.AddScoped<AuthenticationStateProvider>(s => new RevalidatingIdentityStateProvider(s.GetRequiredService<ILoggerFactory>(),
            s.GetRequiredService<AccountStampCheck>(), s.GetRequiredService<IOptions<SessionLimits>>(), s.GetRequiredService<NavigationManager>()));
        Services.AddScoped<PageCircuits>();
        Services.AddScoped<PageGuard>();
        Services.AddScoped(s => new ScopedActions(app.Services.GetRequiredService<IServiceScopeFactory>(), s.GetRequiredService<PageGuard>()));
        // As on a live page: the components' buttons are enabled once the circuit runs.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The page's sign-in, as the cookie would carry it (with the account's security stamp).</summary>
    protected Task SignInAsync(TestUser person) => SignInAsync(person.Id);

    protected async Task SignInAsync(string userId)
    {
        var principal = await App.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            return await s.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
        });
        ((RevalidatingIdentityStateProvider)Services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (app is not null && ownsApp) await app.DisposeAsync();
    }
}
