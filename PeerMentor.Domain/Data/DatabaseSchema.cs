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

    /// <summary>
    /// No double booking, guaranteed by the database: an accepted session may not overlap another
    /// accepted session of the same mentor or of the same student. Half-open ranges, so a session
    /// that ends when the next starts does not conflict. EF has no API for these, hence raw SQL.
    /// </summary>
    private const string PostgresConstraints = """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        ALTER TABLE "Sessions" ADD CONSTRAINT "Sessions_MentorNoOverlap"
            EXCLUDE USING gist ("MentorId" WITH =, tstzrange("StartUtc", "EndUtc", '[)') WITH &&) WHERE ("Status" = 'Accepted');
        ALTER TABLE "Sessions" ADD CONSTRAINT "Sessions_StudentNoOverlap"
            EXCLUDE USING gist ("StudentId" WITH =, tstzrange("StartUtc", "EndUtc", '[)') WITH &&) WHERE ("Status" = 'Accepted');
        """;

    /// <summary>SQLite has no exclusion constraints; triggers raise 'booking_overlap' inside the writer's lock instead.</summary>
    private const string SqliteConstraints = """
        CREATE TRIGGER "Sessions_NoOverlap_Insert" BEFORE INSERT ON "Sessions"
        WHEN NEW."Status" = 'Accepted' AND EXISTS (
            SELECT 1 FROM "Sessions" s WHERE s."Status" = 'Accepted' AND s."Id" <> NEW."Id"
              AND (s."MentorId" = NEW."MentorId" OR s."StudentId" = NEW."StudentId")
              AND s."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < s."EndUtc")
        BEGIN SELECT RAISE(ABORT, 'booking_overlap'); END;
        CREATE TRIGGER "Sessions_NoOverlap_Update" BEFORE UPDATE ON "Sessions"
        WHEN NEW."Status" = 'Accepted' AND EXISTS (
            SELECT 1 FROM "Sessions" s WHERE s."Status" = 'Accepted' AND s."Id" <> NEW."Id"
              AND (s."MentorId" = NEW."MentorId" OR s."StudentId" = NEW."StudentId")
              AND s."StartUtc" < NEW."EndUtc" AND NEW."StartUtc" < s."EndUtc")
        BEGIN SELECT RAISE(ABORT, 'booking_overlap'); END;
        """;

    // Versions are handed out per feature branch, so the list may have gaps until they are all merged.
    public static int CurrentVersion => Upgrades.Max(u => u.Version);

    public static async Task EnsureCurrentAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; the busy timeout waits instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresConstraints : SqliteConstraints, cancellationToken);
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
