using Microsoft.EntityFrameworkCore;
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
    /// The database (SQLite by default, PostgreSQL when Database:Provider is "Postgres") and the
    /// domain services. Relative SQLite paths are resolved against <paramref name="contentRoot"/>.
    /// </summary>
    public static IServiceCollection AddPeerMentorDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultSqliteConnection;
        Action<DbContextOptionsBuilder> configureProvider = provider switch
        {
            "Sqlite" => options => options.UseSqlite(ResolveSqlitePath(connectionString, contentRoot)).AddInterceptors(new SqliteDurability()),
            "Postgres" => options => options.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Database:Provider must be \"Sqlite\" or \"Postgres\", not \"{provider}\"."),
        };
        void Configure(IServiceProvider services, DbContextOptionsBuilder options)
        {
            configureProvider(options);
            options.AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>());
        }
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddDbContext<AppDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContextFactory<AppDbContext>(Configure);

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
        return services;
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
