using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Components.Admin;

/// <summary>Admin lists query the database themselves, so their tests render them against a real (SQLite) app database.</summary>
public abstract class AdminListTest : ComponentTest
{
    private AppFactory? app;

    /// <param name="live">
    /// Whether to make the renderer live now. The lists' controls wait until the page is live (interactive), as on a
    /// real circuit; a test base that registers more services passes false and makes it live after them (the renderer
    /// takes the services as they are when it is made).
    /// </param>
    protected async Task<AppFactory> StartDatabaseAsync(bool live = true)
    {
        app = await AppFactory.CreateAsync(smtp: false);
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        if (live) SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return app;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (app is not null) await app.DisposeAsync();
    }
}
