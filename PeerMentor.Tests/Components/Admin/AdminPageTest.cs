using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Tests.Infrastructure;
using PeerMentor.Tests.Web;
using PeerMentor.Web.Components.Admin;

namespace PeerMentor.Tests.Components.Admin;

/// <summary>
/// Admin pages that act: rendered as a live (interactive) page of a signed-in admin, whose actions run through the
/// app's real AdminActions, page guard included, against a real SQLite database.
/// </summary>
public abstract class AdminPageTest : AdminListTest
{
    private AsyncServiceScope? page;

    protected async Task<(AppFactory App, TestUser Admin)> StartAsAdminAsync()
    {
        var app = await StartDatabaseAsync(live: false);
        var admin = await app.CreateAsync(Roles.Admin, "Ada Admin");
        page = await app.PageScopeAsync(admin);
        Services.AddSingleton(page.Value.ServiceProvider.GetRequiredService<AdminActions>());
        Services.AddSingleton(page.Value.ServiceProvider.GetRequiredService<RegistrationService>());
        AddAuthorization().SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Name, admin.Email));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return (app, admin);
    }

    protected static Task<AppUser> FindAsync(AppFactory app, TestUser person) =>
        app.RunAsync(async s => (await s.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(person.Id))!);

    protected override async ValueTask DisposeAsyncCore()
    {
        if (page is { } scope) await scope.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
