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

    protected async Task<AppFactory> StartDatabaseAsync()
    {
        app = await AppFactory.CreateAsync(smtp: false);
        Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        // The lists' controls wait until the page is live (interactive), as on a real circuit.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return app;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (app is not null) await app.DisposeAsync();
    }
}
