using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using Radzen;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Web.Components;

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
        services.AddRadzenComponents();
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
    /// Password hashing costs ~0.3 s of CPU, so account forms are limited per client address; the
    /// lockout in Identity protects each account, this protects the machine.
    /// </summary>
    public static IServiceCollection AddPeerMentorRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method)
                    && (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/api/v1/auth"))
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("none"));
        });

    /// <summary>App:PublicUrl (set it behind a proxy), else the first address the server listens on, else localhost.</summary>
    private static Uri PublicBase(IServiceProvider services)
    {
        if (services.GetRequiredService<IConfiguration>()["App:PublicUrl"] is { Length: > 0 } configured) return new Uri(configured);
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return new Uri("http://localhost/");
        // A server bound to every interface is still reached by name, not by 0.0.0.0.
        return new Uri(address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

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
        // a developer's demo, sees a stack trace.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
    }

    public static void UsePeerMentorStaticFiles(this WebApplication app)
    {
        // Our own assets; blazor.web.js and the libraries' files (_content/...) come from MapStaticAssets.
        var assets = Path.Combine(AppContext.BaseDirectory, "assets");
        if (Directory.Exists(assets))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        app.MapStaticAssets();
    }

    public static void MapPeerMentorUi(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

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
