using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PeerMentor.Domain.Data;

/// <summary>
/// Creates the schema by EF Core migrations (Data/Migrations/&lt;Provider&gt;, one set per provider) and upgrades
/// databases made before them. Those were created by EnsureCreated and kept current by the hand-written
/// <see cref="Upgrades"/> below, recorded in SchemaVersions. The list is frozen: every model change now is a
/// migration (.ci/add-migration).
/// </summary>
public static class DatabaseSchema
{
    public sealed record Upgrade(int Version, string Sqlite, string Postgres);

    public static readonly IReadOnlyList<Upgrade> Upgrades =
    [
        // Reminders and calendar invites in the outbox.
        new(2, """
            ALTER TABLE "Outbox" ADD COLUMN "Kind" TEXT NOT NULL DEFAULT 'Notice';
            ALTER TABLE "Outbox" ADD COLUMN "SessionId" TEXT NULL;
            ALTER TABLE "Outbox" ADD COLUMN "ReminderMinutes" INTEGER NULL;
            ALTER TABLE "Outbox" ADD COLUMN "CalendarInvite" TEXT NULL;
            ALTER TABLE "Outbox" ADD COLUMN "CalendarMethod" TEXT NULL;
            ALTER TABLE "Outbox" ADD COLUMN "SkipReason" TEXT NULL;
            CREATE INDEX "IX_Outbox_SessionId" ON "Outbox" ("SessionId");
            ALTER TABLE "SentMails" ADD COLUMN "CalendarInvite" TEXT NULL;
            """, """
            ALTER TABLE "Outbox" ADD COLUMN "Kind" character varying(16) NOT NULL DEFAULT 'Notice';
            ALTER TABLE "Outbox" ADD COLUMN "SessionId" uuid NULL;
            ALTER TABLE "Outbox" ADD COLUMN "ReminderMinutes" integer NULL;
            ALTER TABLE "Outbox" ADD COLUMN "CalendarInvite" text NULL;
            ALTER TABLE "Outbox" ADD COLUMN "CalendarMethod" character varying(16) NULL;
            ALTER TABLE "Outbox" ADD COLUMN "SkipReason" character varying(300) NULL;
            CREATE INDEX "IX_Outbox_SessionId" ON "Outbox" ("SessionId");
            ALTER TABLE "SentMails" ADD COLUMN "CalendarInvite" text NULL;
            """),
        // SMS in the outbox and the viewer; masterclass reminders.
        new(3, """
            ALTER TABLE "Outbox" ADD COLUMN "Channel" TEXT NOT NULL DEFAULT 'Email';
            ALTER TABLE "Outbox" ADD COLUMN "FallbackEmail" TEXT NULL;
            ALTER TABLE "Outbox" ADD COLUMN "EventId" TEXT NULL;
            CREATE INDEX "IX_Outbox_EventId" ON "Outbox" ("EventId");
            ALTER TABLE "SentMails" ADD COLUMN "Channel" TEXT NOT NULL DEFAULT 'Email';
            """, """
            ALTER TABLE "Outbox" ADD COLUMN "Channel" character varying(16) NOT NULL DEFAULT 'Email';
            ALTER TABLE "Outbox" ADD COLUMN "FallbackEmail" character varying(320) NULL;
            ALTER TABLE "Outbox" ADD COLUMN "EventId" uuid NULL;
            CREATE INDEX "IX_Outbox_EventId" ON "Outbox" ("EventId");
            ALTER TABLE "SentMails" ADD COLUMN "Channel" character varying(16) NOT NULL DEFAULT 'Email';
            """),
        // Notification topics on outbox rows, and each person's choices per topic.
        new(4, """
            ALTER TABLE "Outbox" ADD COLUMN "Topic" TEXT NULL;
            ALTER TABLE "Outbox" ADD COLUMN "UserId" TEXT NULL;
            CREATE INDEX "IX_Outbox_UserId" ON "Outbox" ("UserId");
            CREATE TABLE "NotificationPreferences" (
                "UserId" TEXT NOT NULL, "Topic" TEXT NOT NULL, "Email" INTEGER NOT NULL, "Sms" INTEGER NOT NULL,
                CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Topic"),
                CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE);
            """, """
            ALTER TABLE "Outbox" ADD COLUMN "Topic" character varying(32) NULL;
            ALTER TABLE "Outbox" ADD COLUMN "UserId" text NULL;
            CREATE INDEX "IX_Outbox_UserId" ON "Outbox" ("UserId");
            CREATE TABLE "NotificationPreferences" (
                "UserId" text NOT NULL, "Topic" character varying(32) NOT NULL, "Email" boolean NOT NULL, "Sms" boolean NOT NULL,
                CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Topic"),
                CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE);
            """),
        // Cancelled events, and links and recordings attached to events.
        new(5, """
            ALTER TABLE "ProgramEvent" ADD COLUMN "CancelledUtc" TEXT NULL;
            ALTER TABLE "ProgramEvent" ADD COLUMN "CancelReason" TEXT NULL;
            CREATE TABLE "EventResources" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_EventResources" PRIMARY KEY,
                "EventId" TEXT NOT NULL, "Kind" TEXT NOT NULL, "Title" TEXT NOT NULL, "Url" TEXT NULL,
                "StoredName" TEXT NULL, "FileName" TEXT NULL, "ContentType" TEXT NULL, "Length" INTEGER NULL,
                "AddedById" TEXT NOT NULL, "AddedUtc" TEXT NOT NULL,
                CONSTRAINT "FK_EventResources_AspNetUsers_AddedById" FOREIGN KEY ("AddedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_EventResources_ProgramEvent_EventId" FOREIGN KEY ("EventId") REFERENCES "ProgramEvent" ("Id") ON DELETE CASCADE);
            CREATE INDEX "IX_EventResources_AddedById" ON "EventResources" ("AddedById");
            CREATE INDEX "IX_EventResources_EventId" ON "EventResources" ("EventId");
            """, """
            ALTER TABLE "ProgramEvent" ADD COLUMN "CancelledUtc" timestamp with time zone NULL;
            ALTER TABLE "ProgramEvent" ADD COLUMN "CancelReason" character varying(500) NULL;
            CREATE TABLE "EventResources" (
                "Id" uuid NOT NULL CONSTRAINT "PK_EventResources" PRIMARY KEY,
                "EventId" uuid NOT NULL, "Kind" character varying(16) NOT NULL, "Title" character varying(200) NOT NULL,
                "Url" character varying(500) NULL, "StoredName" character varying(64) NULL, "FileName" character varying(255) NULL,
                "ContentType" character varying(100) NULL, "Length" bigint NULL,
                "AddedById" text NOT NULL, "AddedUtc" timestamp with time zone NOT NULL,
                CONSTRAINT "FK_EventResources_AspNetUsers_AddedById" FOREIGN KEY ("AddedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_EventResources_ProgramEvent_EventId" FOREIGN KEY ("EventId") REFERENCES "ProgramEvent" ("Id") ON DELETE CASCADE);
            CREATE INDEX "IX_EventResources_AddedById" ON "EventResources" ("AddedById");
            CREATE INDEX "IX_EventResources_EventId" ON "EventResources" ("EventId");
            """),
        // Registering into a program; per-program automation settings; why a member left.
        new(6, """
            ALTER TABLE "AspNetUsers" ADD COLUMN "RequestedProgramId" TEXT NULL;
            ALTER TABLE "Programs" ADD COLUMN "RemovalWeeks" INTEGER NOT NULL DEFAULT 4;
            ALTER TABLE "Programs" ADD COLUMN "AppliesAutomationsItself" INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE "Programs" ADD COLUMN "AutomatedWeek" TEXT NULL;
            ALTER TABLE "ProgramMembers" ADD COLUMN "LeftReason" TEXT NULL;
            """, """
            ALTER TABLE "AspNetUsers" ADD COLUMN "RequestedProgramId" uuid NULL;
            ALTER TABLE "Programs" ADD COLUMN "RemovalWeeks" integer NOT NULL DEFAULT 4;
            ALTER TABLE "Programs" ADD COLUMN "AppliesAutomationsItself" boolean NOT NULL DEFAULT FALSE;
            ALTER TABLE "Programs" ADD COLUMN "AutomatedWeek" date NULL;
            ALTER TABLE "ProgramMembers" ADD COLUMN "LeftReason" character varying(500) NULL;
            """),
        // The data-protection key ring, shared by every app instance on the database.
        new(7, """
            CREATE TABLE "DataProtectionKeys" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
                "FriendlyName" TEXT NOT NULL, "Xml" TEXT NOT NULL);
            """, """
            CREATE TABLE "DataProtectionKeys" (
                "Id" integer GENERATED BY DEFAULT AS IDENTITY CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
                "FriendlyName" character varying(100) NOT NULL, "Xml" text NOT NULL);
            """),
    ];

    /// <summary>The version the last hand-written upgrade brings a database to; the initial migration is exactly this schema.</summary>
    public static int LegacyVersion => Upgrades.Max(u => u.Version);

    /// <summary>
    /// Brings the database to the latest migration: creates it on first run, and takes a database made before
    /// migrations (a SchemaVersions row, no migration history) through the remaining hand-written upgrades and then
    /// records it as already having the initial migration. On an up-to-date database this only reads the history.
    /// </summary>
    public static async Task EnsureCurrentAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; the busy timeout waits instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
        if (applied.Count == 0 && await HasLegacySchemaAsync(db, cancellationToken))
            applied = await UpgradeLegacyAsync(db, cancellationToken);
        if (db.Database.GetMigrations().All(applied.Contains)) return;
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task<bool> HasLegacySchemaAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'table' AND name = 'SchemaVersions'""",
            "Npgsql.EntityFrameworkCore.PostgreSQL" => """SELECT COUNT(*)::int AS "Value" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'SchemaVersions'""",
            // SQL Server support came with migrations: no database of it was ever made the old way.
            _ => null,
        };
        return sql is not null && await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Several instances may start at once on one PostgreSQL database: the first takes the lock and upgrades, the
    /// others wait for it and then find the history. (One SQLite file has one app.)
    /// </summary>
    private static async Task<HashSet<string>> UpgradeLegacyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        const string Lock = "hashtext('peermentor-legacy-schema')";
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Lock})", cancellationToken);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
            if (applied.Count > 0) return applied;

            var row = await db.SchemaVersions.SingleAsync(cancellationToken);
            foreach (var upgrade in Upgrades.Where(u => u.Version > row.Version).OrderBy(u => u.Version))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(postgres ? upgrade.Postgres : upgrade.Sqlite, cancellationToken);
                row.Version = upgrade.Version;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            applied.Add(await BaselineAsync(db, cancellationToken));
            return applied;
        }
        finally
        {
            if (postgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Lock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Records the initial migration as applied, since the database already has its schema.</summary>
    private static async Task<string> BaselineAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var initial = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        var efVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, efVersion)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return initial;
    }
}
