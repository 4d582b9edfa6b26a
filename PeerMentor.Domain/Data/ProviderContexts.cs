using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Domain.Data;

/// <summary>The model on SQLite, with the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The model on PostgreSQL, with the migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);

/// <summary>The model on SQL Server, with the migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    /// <summary>Raises <see cref="OverlapError"/> when an accepted session would overlap another (see the initial migration).</summary>
    public const string OverlapTrigger = "Sessions_NoOverlap";

    /// <summary>The error number the overlap trigger throws; SQL Server leaves 50000 and up to applications.</summary>
    public const int OverlapError = 51000;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Declared so EF does not use OUTPUT without INTO on this table, which SQL Server refuses when it has triggers.
        builder.Entity<Session>().ToTable(t => t.HasTrigger(OverlapTrigger));
        // Brackets, not the shared model's double quotes: scripts run by sqlcmd have QUOTED_IDENTIFIER off.
        builder.Entity<Session>().HasIndex(s => new { s.StudentId, s.MentorId, s.StartUtc })
            .HasFilter($"[Status] = '{nameof(SessionStatus.Requested)}'");
    }
}

/// <summary>
/// How `dotnet ef` builds each context (.ci/add-migration). The connection strings are never opened:
/// adding a migration or scripting it only needs the provider.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=peermentor").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=peermentor;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
