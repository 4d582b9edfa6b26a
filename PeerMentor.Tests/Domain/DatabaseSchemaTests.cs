using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

public class DatabaseSchemaTests
{
    /// <summary>
    /// Every "version N" test below starts from a database made by migrations (whose schema is version 7's, see
    /// <see cref="MigrationsTests"/>), takes away what versions 6 and 7 added, and records its version in SchemaVersions with no migration history.
    /// </summary>
    private const string UndoVersions6And7 = """
        DROP TABLE "DataProtectionKeys";
        ALTER TABLE "AspNetUsers" DROP COLUMN "RequestedProgramId";
        ALTER TABLE "Programs" DROP COLUMN "RemovalWeeks";
        ALTER TABLE "Programs" DROP COLUMN "AppliesAutomationsItself";
        ALTER TABLE "Programs" DROP COLUMN "AutomatedWeek";
        ALTER TABLE "ProgramMembers" DROP COLUMN "LeftReason";

        """;

    /// <summary>With a SchemaVersions row, the database is one made before migrations.</summary>
    private const string WithoutMigrationHistory = """
        DROP TABLE "__EFMigrationsHistory";
        DROP TABLE IF EXISTS "__EFMigrationsLock";

        """;

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Restarting_the_app_on_an_existing_database_keeps_its_people(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        TestUser person;
        await using (var first = new AppFactory(database, smtp: null))
        {
            person = await first.CreateAsync(PeerMentor.Domain.Accounts.Roles.Mentor);
        }

        await using var second = new AppFactory(database, smtp: null);
        var found = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Id == person.Id));
        var pending = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync());

        Assert.True(found);
        Assert.Empty(pending);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_version_1_database_gains_the_outbox_columns_for_reminders_invites_and_sms(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using (var first = new AppFactory(database, smtp: null))
        {
            // Back to the version 1 schema, as databases created before reminders have it.
            await first.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(WithoutMigrationHistory + UndoVersions6And7 + """
                DROP INDEX "IX_Outbox_SessionId";
                ALTER TABLE "Outbox" DROP COLUMN "Kind";
                ALTER TABLE "Outbox" DROP COLUMN "SessionId";
                ALTER TABLE "Outbox" DROP COLUMN "ReminderMinutes";
                ALTER TABLE "Outbox" DROP COLUMN "CalendarInvite";
                ALTER TABLE "Outbox" DROP COLUMN "CalendarMethod";
                ALTER TABLE "Outbox" DROP COLUMN "SkipReason";
                ALTER TABLE "SentMails" DROP COLUMN "CalendarInvite";
                DROP INDEX "IX_Outbox_EventId";
                ALTER TABLE "Outbox" DROP COLUMN "Channel";
                ALTER TABLE "Outbox" DROP COLUMN "FallbackEmail";
                ALTER TABLE "Outbox" DROP COLUMN "EventId";
                ALTER TABLE "SentMails" DROP COLUMN "Channel";
                DROP TABLE "EventResources";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelledUtc";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelReason";
                DROP INDEX "IX_Outbox_UserId";
                ALTER TABLE "Outbox" DROP COLUMN "Topic";
                ALTER TABLE "Outbox" DROP COLUMN "UserId";
                DROP TABLE "NotificationPreferences";
                INSERT INTO "SchemaVersions" ("Id", "Version") VALUES (1, 1);
                """));
        }

        await using var second = new AppFactory(database, smtp: null,
            new Dictionary<string, string?> { ["Notifications:Dispatcher:PollSeconds"] = "3600" });
        var mail = new MailMessage("a@example.com", "Reminder", "t", "h", [MailAttachment.Invite("BEGIN:VCALENDAR", "REQUEST")]);
        await second.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Outbox.Add(OutboxMessage.Reminder(mail, Guid.NewGuid(), 15, DateTime.UtcNow.AddDays(1), DateTime.UtcNow));
            db.Outbox.Add(OutboxMessage.Sms(new SmsMessage("+4915123456789", "Hi"), "Reminder", "a@example.com", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var saved = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

        Assert.Equal((OutboxKind.Reminder, 15, "REQUEST"), (saved[0].Kind, saved[0].ReminderMinutes, saved[0].CalendarMethod));
        Assert.Equal((OutboxChannel.Sms, "a@example.com"), (saved[1].Channel, saved[1].FallbackEmail));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_version_4_database_gains_cancelled_events_and_event_resources(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        TestUser mentor;
        await using (var first = new AppFactory(database, smtp: null))
        {
            mentor = await first.CreateAsync(PeerMentor.Domain.Accounts.Roles.Mentor);
            await first.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(WithoutMigrationHistory + UndoVersions6And7 + """
                DROP TABLE "EventResources";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelledUtc";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelReason";
                INSERT INTO "SchemaVersions" ("Id", "Version") VALUES (1, 4);
                """));
        }

        await using var second = new AppFactory(database, smtp: null);
        var programId = await second.CreateProgramAsync("Upgraded cohort", assign: false, mentor);
        var resources = await second.RunAsync(async s =>
        {
            var events = s.GetRequiredService<PeerMentor.Domain.Programs.ProgramEventService>();
            var (_, eventId) = await events.CreateAsync(mentor.Id, false, programId,
                new PeerMentor.Domain.Programs.EventInput("Masterclass", "", DateTime.UtcNow.AddDays(1), 60, null, null));
            await events.AddResourceAsync(mentor.Id, false, eventId!.Value,
                new PeerMentor.Domain.Programs.ResourceInput(PeerMentor.Domain.Programs.EventResourceKind.Link, "Slides", "https://slides.example/1"), null);
            await events.CancelAsync(mentor.Id, false, eventId.Value, "Moved to next week");
            var db = s.GetRequiredService<AppDbContext>();
            return (await db.Set<PeerMentor.Domain.Programs.ProgramEvent>().AsNoTracking().Select(e => e.CancelReason).SingleAsync(),
                await db.Set<PeerMentor.Domain.Programs.EventResource>().AsNoTracking().Select(r => r.Url).SingleAsync());
        });

        Assert.Equal(("Moved to next week", "https://slides.example/1"), resources);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_version_3_database_gains_notification_topics_and_each_persons_choices(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        TestUser person;
        await using (var first = new AppFactory(database, smtp: null))
        {
            person = await first.CreateAsync(PeerMentor.Domain.Accounts.Roles.Student);
            // Back to the version 3 schema, as databases created before notification preferences have it.
            await first.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(WithoutMigrationHistory + UndoVersions6And7 + """
                DROP INDEX "IX_Outbox_UserId";
                ALTER TABLE "Outbox" DROP COLUMN "Topic";
                ALTER TABLE "Outbox" DROP COLUMN "UserId";
                DROP TABLE "NotificationPreferences";
                DROP TABLE "EventResources";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelledUtc";
                ALTER TABLE "ProgramEvent" DROP COLUMN "CancelReason";
                INSERT INTO "SchemaVersions" ("Id", "Version") VALUES (1, 3);
                """));
        }

        await using var second = new AppFactory(database, smtp: null,
            new Dictionary<string, string?> { ["Notifications:Dispatcher:PollSeconds"] = "3600" });
        await second.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Outbox.Add(OutboxMessage.Mail(new MailMessage(person.Email, "News", "t", "h"), DateTime.UtcNow, NotificationTopic.ProgramNews, person.Id));
            await db.SaveChangesAsync();
            await s.GetRequiredService<NotificationPreferenceService>().SaveAsync(person.Id,
                new Dictionary<NotificationTopic, ChannelChoice> { [NotificationTopic.ProgramNews] = new(Email: false, Sms: false) });
        });
        var saved = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Outbox.AsNoTracking().SingleAsync());
        var choices = await second.RunAsync(s => s.GetRequiredService<NotificationPreferenceService>().GetAsync(person.Id));

        Assert.Equal((NotificationTopic.ProgramNews, person.Id), (saved.Topic, saved.UserId));
        Assert.False(choices[NotificationTopic.ProgramNews].Email);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_version_5_database_gains_program_registration_and_automation_settings(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        TestUser person;
        await using (var first = new AppFactory(database, smtp: null))
        {
            person = await first.CreateAsync(role: null);
            await first.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(WithoutMigrationHistory + UndoVersions6And7 + """
                INSERT INTO "SchemaVersions" ("Id", "Version") VALUES (1, 5);
                """));
        }

        await using var second = new AppFactory(database, smtp: null);
        var programId = await second.CreateProgramAsync("Upgraded cohort", assign: false);
        var saved = await second.RunAsync(s => s.GetRequiredService<PeerMentor.Domain.Programs.ProgramService>()
            .SetAutomationsAsync(programId, new PeerMentor.Domain.Programs.AutomationSettings(3.5, 2, 5, AppliesItself: true)));
        var approved = await second.RunAsync(s => s.GetRequiredService<PeerMentor.Domain.Accounts.AccountAdminService>().ApproveAsync(person.Id,
            PeerMentor.Domain.Accounts.Roles.Student, new PeerMentor.Domain.Accounts.AccountLinks(new Uri("http://peermentor.test/")),
            new PeerMentor.Domain.Accounts.ProgramPlacement(programId)));
        var program = await second.RunAsync(s => s.GetRequiredService<AppDbContext>().Programs.AsNoTracking().SingleAsync(p => p.Id == programId));

        Assert.True(saved.Succeeded && approved.Succeeded, saved.Summary + approved.Summary);
        Assert.Equal((3.5, 2, 5, true), (program.ProbationThreshold, program.ProbationWeeks, program.RemovalWeeks, program.AppliesAutomationsItself));
        Assert.True(await second.RunAsync(s => s.GetRequiredService<AppDbContext>().ProgramMembers.AnyAsync(m => m.ProgramId == programId && m.UserId == person.Id)));
    }
}
