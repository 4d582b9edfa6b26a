using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain;

public static class DomainServiceCollectionExtensions
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/peermentor.db";

    /// <summary>
    /// The database (SQLite by default, PostgreSQL when Database:Provider is "Postgres", SQL Server when it is
    /// "SqlServer") and the domain services. Relative SQLite paths are resolved against <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddPeerMentorDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultSqliteConnection;
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        switch (provider)
        {
            case "Sqlite":
                AddDatabase<SqliteAppDbContext>(services, options => options.UseSqlite(ResolveSqlitePath(connectionString, contentRoot)).AddInterceptors(new SqliteDurability()));
                break;
            case "Postgres":
                AddDatabase<PostgresAppDbContext>(services, options => options.UseNpgsql(connectionString));
                break;
            case "SqlServer":
                AddDatabase<SqlServerAppDbContext>(services, options => options.UseSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be \"Sqlite\", \"Postgres\" or \"SqlServer\", not \"{provider}\".");
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RegistrationService>();
        services.AddScoped<AccountAdminService>();
        services.AddScoped<NotificationPreferenceService>();
        services.Configure<SchedulingOptions>(configuration.GetSection("Scheduling"));
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.Configure<MailSenderOptions>(configuration.GetSection("Email"));
        services.AddScoped<SessionService>();
        services.AddScoped<AvailabilityService>();
        services.AddScoped<PeerMentor.Domain.Programs.ProgramService>();
        services.AddScoped<PeerMentor.Domain.Reviews.ReviewService>();
        services.AddScoped<PeerMentor.Domain.Reviews.AutomationService>();
        services.AddScoped<PeerMentor.Domain.Programs.ProgramEventService>();
        services.AddScoped<PeerMentor.Domain.Programs.AssignmentService>();
        services.AddScoped<Dashboards.StudentDashboard>();
        services.AddScoped<Dashboards.MentorDashboard>();
        services.AddScoped<Dashboards.AdminDashboard>();
        return services;
    }

    /// <summary>Everything asks for <see cref="AppDbContext"/>; the provider's own context type (and so its migrations) answers.</summary>
    private static void AddDatabase<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> provider) where TContext : AppDbContext
    {
        // Migrating a new database would otherwise first diff the model against the migrations' snapshot (0.2-0.4 s
        // warm, 1-2 s cold, measured); MigrationsTests makes that check on every provider instead.
        void configure(IServiceProvider scope, DbContextOptionsBuilder options) =>
            provider(options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
                .AddInterceptors(scope.GetRequiredService<OutboxCommitInterceptor>()));
        // One pool of contexts for requests, pages and jobs: building a context (its internal service scope and
        // dependencies) cost more than a simple query on every API request. A request's context goes back to the
        // pool, reset, when its scope ends.
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<AppDbContext>(s => s.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<IDbContextFactory<AppDbContext>>(s => new BaseContextFactory<TContext>(s.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class BaseContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext> where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }

    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
