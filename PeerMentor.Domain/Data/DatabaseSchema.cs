using Microsoft.EntityFrameworkCore;

namespace PeerMentor.Domain.Data;

/// <summary>
/// Creates the schema on first run and upgrades it in place afterwards. Version 1 is the model as
/// <see cref="DatabaseFacade.EnsureCreatedAsync"/> builds it. Each later change to the model adds an
/// <see cref="Upgrade"/> below with the additive SQL for both providers; upgrades run once, in order,
/// inside a transaction, and never drop data. (EF's migration scaffolding needs a package this
/// registry does not have, so the steps are written by hand.)
/// </summary>
public static class DatabaseSchema
{
    public sealed record Upgrade(int Version, string Sqlite, string Postgres);

    public static readonly IReadOnlyList<Upgrade> Upgrades = [];

    public static int CurrentVersion => 1 + Upgrades.Count;

    public static async Task EnsureCurrentAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; the busy timeout waits instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            db.SchemaVersions.Add(new SchemaVersion { Version = CurrentVersion });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var row = await db.SchemaVersions.SingleAsync(cancellationToken);
        foreach (var upgrade in Upgrades.Where(u => u.Version > row.Version).OrderBy(u => u.Version))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? upgrade.Postgres : upgrade.Sqlite, cancellationToken);
            row.Version = upgrade.Version;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
