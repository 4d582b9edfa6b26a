using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PeerMentor.Domain;
using PeerMentor.Domain.Accounts;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;
using PeerMentor.Tests.Infrastructure;

namespace PeerMentor.Tests.Domain;

/// <summary>
/// The schema comes from EF Core migrations, one set per provider. A database made before them (version 7, the last
/// hand-written schema) is upgraded in place; these tests build such databases from the frozen script of that release.
/// </summary>
public class MigrationsTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_model_change_is_covered_by_a_migration_on(string provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {provider}: run .ci/add-migration <Name> (README).");
    }

    [Fact]
    public void The_SQL_Server_migrations_script_as_idempotent_T_SQL_that_parses()
    {
        using var db = DesignTimeContext("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Empty(TSqlErrors(script));
    }

    [Fact]
    public void The_SQL_Server_overlap_trigger_is_created_in_a_batch_of_its_own_as_T_SQL_that_parses()
    {
        using var db = DesignTimeContext("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var start = script.IndexOf($"EXEC(N'CREATE TRIGGER [{SqlServerAppDbContext.OverlapTrigger}]", StringComparison.Ordinal);
        var trigger = script[(start + "EXEC(N'".Length)..script.IndexOf("');", start, StringComparison.Ordinal)].Replace("''", "'", StringComparison.Ordinal);

        Assert.True(start >= 0 && TSqlErrors(trigger).Count == 0, trigger);
    }

    [Fact]
    public void Database_provider_SqlServer_runs_the_app_on_the_SQL_Server_context()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Default"] = "Server=localhost;Database=peermentor;Trusted_Connection=True",
        }).Build();
        using var services = new ServiceCollection().AddPeerMentorDomain(configuration, Path.GetTempPath()).BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.IsType<SqlServerAppDbContext>(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_database_made_by_migrations_has_exactly_the_schema_of_version_7(DatabaseKind kind)
    {
        var legacy = await CreateVersion7DatabaseAsync(kind);
        var migrated = await TestDatabase.CreateAsync(kind);
        await using (var db = Open(migrated)) await DatabaseSchema.EnsureCurrentAsync(db);

        Assert.Equal(await DescribeSchemaAsync(legacy), await DescribeSchemaAsync(migrated));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task A_version_7_database_is_upgraded_in_place_and_keeps_its_people_programs_and_sessions(DatabaseKind kind)
    {
        var database = await CreateVersion7DatabaseAsync(kind);
        var mentor = AppUser.Register(TestUsers.NewEmail("mentor"), "Old Mentor", "Europe/Berlin", Roles.Mentor, 5, "Testing", DateTime.UtcNow);
        var student = AppUser.Register(TestUsers.NewEmail("student"), "Old Student", "Europe/Berlin", Roles.Student, 1, "", DateTime.UtcNow);
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(9);
        await using (var db = Open(database))
        {
            db.Users.AddRange(mentor, student);
            db.Programs.Add(MentoringProgram.Create("Cohort before migrations", DateOnly.FromDateTime(start), DateOnly.FromDateTime(start).AddMonths(3), 10, DateTime.UtcNow).Program!);
            db.Sessions.Add(Session.Request(mentor.Id, student.Id, new Interval(start, start.AddHours(1)), "Old agenda", "", DateTime.UtcNow, DateTime.UtcNow.AddDays(1)));
            await db.SaveChangesAsync();
        }

        await using var app = new AppFactory(database, smtp: null);
        var kept = await app.RunAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            return (await db.Users.CountAsync(u => u.Id == mentor.Id || u.Id == student.Id),
                await db.Programs.Select(p => p.Name).SingleAsync(),
                await db.Sessions.Select(x => x.Agenda).SingleAsync());
        });
        var pending = await app.RunAsync(s => s.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync());

        Assert.Equal((2, "Cohort before migrations", "Old agenda"), kept);
        Assert.Empty(pending);
    }

    /// <summary>Syntax errors in a script of GO-separated batches, as SQL Server 2022 would parse it.</summary>
    private static List<string> TSqlErrors(string script)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }

    [Fact]
    public async Task Three_instances_starting_at_once_on_a_version_7_PostgreSQL_database_all_start_and_record_it_once()
    {
        var database = await CreateVersion7DatabaseAsync(DatabaseKind.Postgres);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = Open(database);
            await DatabaseSchema.EnsureCurrentAsync(db);
        }));

        await using var check = Open(database);
        Assert.Single(await check.Database.GetAppliedMigrationsAsync());
    }

    private static AppDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };

    private static AppDbContext Open(TestDatabase database) => database.Kind == DatabaseKind.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);

    /// <summary>A real database as the last release before migrations created it (Domain/LegacySchema).</summary>
    private static async Task<TestDatabase> CreateVersion7DatabaseAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Domain", "LegacySchema",
            kind == DatabaseKind.Sqlite ? "v7.sqlite.sql" : "v7.postgres.sql"));
        await using var db = Open(database);
        await db.Database.ExecuteSqlRawAsync(script);
        return database;
    }

    /// <summary>Every table, column (type, nullability, default), key, foreign key, index, constraint and trigger, one line each.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var sql = database.Kind == DatabaseKind.Sqlite
            // SQLite keeps each object's CREATE statement, which names all of these.
            ? """
              SELECT type || ' ' || name || ': ' || sql AS "Value" FROM sqlite_master
              WHERE sql IS NOT NULL AND name NOT LIKE '\_\_EF%' ESCAPE '\'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                  || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || coalesce(identity_generation, '') AS "Value"
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(c.oid)
              FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND conrelid::regclass::text NOT LIKE '"\_\_EF%'
              UNION ALL
              SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
              UNION ALL
              SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal
              UNION ALL
              SELECT 'extension ' || extname FROM pg_extension
              """;
        var lines = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        return lines.Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Order(StringComparer.Ordinal).ToList();
    }
}
