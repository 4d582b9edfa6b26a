using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Components.Programs;

/// <summary>
/// Program components act through ScopedActions on the real domain services: each test starts the app on a fresh
/// SQLite database and renders the component as a signed-in person's page would (their page scope, guard and sign-in).
/// </summary>
public abstract class ProgramComponentTest : ComponentTest
{
    private AppFactory? app;
    private bool ownsApp;
    private AsyncServiceScope? page;

    protected AppFactory App => app ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>Starts an app (or uses one a scenario started and disposes) for the components to act on.</summary>
    protected async Task<AppFactory> StartAsync(AppFactory? existing = null)
    {
        (app, ownsApp) = existing is null ? (await AppFactory.CreateAsync(smtp: false), true) : (existing, false);
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(app.Services.GetRequiredService<TimeProvider>());
        return app;
    }

    /// <summary>Renders the components that follow as this person's page.</summary>
    protected async Task SignInAsync(TestUser user)
    {
        page = await App.PageScopeAsync(user);
        var actions = page.Value.ServiceProvider.GetRequiredService<ScopedActions>();
        Services.AddSingleton(actions);
        var principal = await App.PrincipalAsync(user);
        Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(principal)));
        // As on a page with a live circuit, so forms and buttons are enabled; the renderer is built here, after the services.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (page is { } scope) await scope.DisposeAsync();
        if (app is not null && ownsApp) await app.DisposeAsync();
    }
}
