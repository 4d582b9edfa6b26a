using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;

namespace PeerMentor.Web.Auth;

public static class AuthSetup
{
    /// <summary>ASVS 5.0 L2: PBKDF2-SHA512 at 210,000 iterations; older hashes are upgraded at the next sign-in.</summary>
    public const int PasswordHashIterations = 210_000;

    /// <summary>The API accepts the pages' cookie or a bearer token from /api/v1/auth/token (checked against the account's stamp).</summary>
    public const string ApiSchemes = "Identity.Application," + StampedBearerHandler.SchemeName;

    public static IServiceCollection AddPeerMentorAuth(this IServiceCollection services)
    {
        // One key ring for all instances on the database: a cookie signed by one instance is valid on the others.
        services.AddDataProtection().SetApplicationName("PeerMentor");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseKeyRepository(scopes));
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddScheme<AuthenticationSchemeOptions, StampedBearerHandler>(StampedBearerHandler.SchemeName, null);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SessionLimits>, TimeProvider>((o, limits, clock) =>
            o.BearerTokenProtector = new RememberedBearerTickets(o.BearerTokenProtector, limits, clock));
        services.AddOptions<SessionLimits>().BindConfiguration(SessionLimits.Section);
        services.AddSingleton<AccountStampCheck>();
        services.AddAuthentication().AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        // Cookies are re-checked against the security stamp every Auth:RevalidationSeconds (a minute): a deleted,
        // rejected or re-roled person loses (or gains) access within that time on every page.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SessionLimits>>((o, limits) => o.ValidationInterval = limits.Value.RevalidationInterval);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "PeerMentor.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // API callers get a status code, not a redirect to an HTML sign-in page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            // Identity's stamp check builds a sign-in manager, user and role managers and takes a database context from
            // the pool in the request's scope. A live page's connection is one request that lasts as long as the page,
            // so every open page would keep all of that. Pages check the stamp themselves when they open and every
            // interval after (PageCircuits, RevalidatingIdentityStateProvider), in a scope of their own.
            o.Events.OnValidatePrincipal = context => context.Request.Path.StartsWithSegments("/_blazor")
                ? Task.CompletedTask
                : SecurityStampValidator.ValidatePrincipalAsync(context);
        });

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddSingleton<OpenPages>();
        services.AddSingleton<PageActionLimiter>();
        services.AddScoped<PageCircuits>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<PageCircuits>());
        services.AddScoped<PageGuard>();
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
