using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Web.Components;
using PeerMentor.Web.Security;

namespace PeerMentor.Web;

/// <summary>The pieces Program.cs lists, each small enough to read at a glance.</summary>
public static class Startup
{
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddPeerMentorUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddProblemDetails();
        // Bad request bodies are a 400 problem in every environment, not an exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddHttpContextAccessor();
        services.AddSingleton<StartupBanner>();
        services.AddSingleton(sp => new PeerMentor.Domain.Notifications.AppLinks(() => PublicBase(sp)));
        services.AddScoped<PeerMentor.Web.Components.Admin.AdminActions>();
        services.AddScoped<PeerMentor.Web.Components.Shared.ScopedActions>();
        return services;
    }

    /// <summary>
    /// Password hashing costs ~0.3 s of CPU, so account forms and the token endpoint are limited per form, account
    /// and client address, and password checks run a few at a time (Auth/AccountRateLimiting); Identity's lockout
    /// protects each account, this protects the machine.
    /// </summary>
    public static IServiceCollection AddPeerMentorRateLimits(this IServiceCollection services) =>
        Auth.AccountRateLimiting.AddAccountRateLimits(services);

    /// <summary>
    /// App:PublicUrl (set it behind a proxy), else the first address the server listens on; before it listens (demo data
    /// is seeded first) the first address it was told to use (`urls`: `dotnet run` passes launchSettings' one), else localhost.
    /// </summary>
    private static Uri PublicBase(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration["App:PublicUrl"] is { Length: > 0 } configured) return new Uri(configured);
        var told = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? (told is not null && !told.TrimEnd('/').EndsWith(":0", StringComparison.Ordinal) ? told : null);
        if (address is null) return new Uri("http://localhost/");
        // A server bound to every interface is still reached by name, not by 0.0.0.0.
        return new Uri(address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await DatabaseSchema.EnsureCurrentAsync(db);
        await DemoData.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        if (app.Configuration.GetValue<bool>("DemoData:Seed"))
        {
            if (await DemoData.SeedAsync(db, services.GetRequiredService<IPasswordHasher<AppUser>>(), TimeProvider.System))
                await PeerMentor.Domain.Programs.DemoProgram.SeedAsync(services, TimeProvider.System);
            app.Services.GetRequiredService<StartupBanner>().DemoLogins = DemoData.Logins;
        }
    }

    public static void UsePeerMentorErrorPages(this WebApplication app)
    {
        // People get the friendly pages; API callers get RFC 7807 problem details from the inner
        // handlers, which answer first so the outer ones leave those responses alone. Nobody, not even
        // a developer's demo, sees a stack trace (see Security/NoExceptionDetails).
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseWhen(SecurityHeaders.IsApiStyle, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        // A page shown for a failed POST (say, a form with an expired antiforgery token) is re-executed with the
        // POST's method; it would run form handling and antiforgery again and fail a second time. It is a GET.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
    }

    public static void UsePeerMentorAntiforgery(this WebApplication app)
    {
        app.UseAntiforgery();
        // A form post with a missing or stale token ends here as a bare 400, so every kind of endpoint (pages, the
        // sign-out and theme posts) answers it the same way in every environment: the friendly page, or problem details.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } || HttpMethods.IsGet(context.Request.Method))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
    }

    public static void UsePeerMentorStaticFiles(this WebApplication app)
    {
        // Our own assets; blazor.web.js and the libraries' files (_content/...) come from MapStaticAssets.
        var assets = Path.Combine(AppContext.BaseDirectory, "assets");
        if (Directory.Exists(assets))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        app.MapStaticAssets();
    }

    // Framing is ruled by the one policy in Security/SecurityHeaders, not by Blazor's own frame-ancestors header.
    public static void MapPeerMentorUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

    public static void PrintStartupBanner(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Services.GetRequiredService<StartupBanner>().Print(addresses);
        });
}

/// <summary>What a newcomer needs after `dotnet run`: where the app is and how to sign in.</summary>
public sealed class StartupBanner
{
    public IReadOnlyList<DemoLogin> DemoLogins { get; set; } = [];

    public void Print(IEnumerable<string> addresses)
    {
        foreach (var address in addresses) Console.WriteLine($"PeerMentor is running at {address}");
        if (DemoLogins.Count == 0) return;
        Console.WriteLine($"Demo logins (password for all: {DemoData.Password}):");
        foreach (var login in DemoLogins) Console.WriteLine($"  {login.Role,-8} {login.Email,-32} {login.Name}");
    }
}
