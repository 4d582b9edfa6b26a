using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;
using PeerMentor.Web.Components.Shared;

namespace PeerMentor.Tests.Components;

/// <summary>
/// Components that act through ScopedActions, rendered against a real app (SQLite, domain services, PageGuard) and
/// signed in as one person: their page's services come from a circuit-like scope of that app, nothing is mocked.
/// </summary>
public abstract class SignedInComponentTest : ComponentTest
{
    private AppFactory? app;
    private bool ownsApp;
    private AsyncServiceScope? page;

    protected AppFactory App => app ?? throw new InvalidOperationException("Call StartAppAsync first.");
    protected ClaimsPrincipal Principal { get; private set; } = new();

    /// <summary>Starts an app (or uses one a scenario started, and leaves disposing it to the scenario) for the components to act on.</summary>
    protected async Task<AppFactory> StartAppAsync(AppFactory? existing = null)
    {
        (app, ownsApp) = existing is null ? (await AppFactory.CreateAsync(smtp: false), true) : (existing, false);
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(app.Services.GetRequiredService<TimeProvider>());
        return app;
    }

    /// <summary>Everything the component does from now on runs as this person, on an interactive (server) renderer.</summary>
    protected async Task SignInAsync(TestUser user)
    {
        Principal = await App.PrincipalAsync(user);
        page = await App.PageScopeAsync(user);
        Services.AddSingleton(page.Value.ServiceProvider.GetRequiredService<ScopedActions>());
        Services.AddCascadingValue(_ => AuthenticationState);
        // After the last registration: the renderer takes the services as they are when it is made.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected Task<AuthenticationState> AuthenticationState => Task.FromResult(new AuthenticationState(Principal));

    /// <summary>The popover, dialog and snackbar providers a page places once; dialogs and snackbars render here.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Render<MudProviders>();

    /// <summary>The error shown under the input this selector finds: inside the same MudBlazor input control, i.e. next to the field.</summary>
    protected static string ErrorUnder<T>(IRenderedComponent<T> cut, string inputSelector) where T : IComponent =>
        cut.FindAll(".mud-input-control").Last(c => c.QuerySelector(inputSelector) is not null)
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    /// <summary>The input a visible label points at through its for attribute.</summary>
    protected static AngleSharp.Dom.IElement Labelled<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.Find($"#{cut.FindAll("label").Single(l => l.TextContent.Trim() == text).GetAttribute("for")}");

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (page is { } scope) await scope.DisposeAsync();
        if (app is not null && ownsApp) await app.DisposeAsync();
    }
}
