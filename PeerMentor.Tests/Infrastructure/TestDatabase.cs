namespace PeerMentor.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>A fresh, empty database of either kind, described as the app's configuration keys.</summary>
public sealed record TestDatabase(DatabaseKind Kind, string ConnectionString)
{
    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new TestDatabase(kind, $"Data Source={Path.Combine(TestRun.Folder, $"test-{Guid.NewGuid():N}.db")}"),
        _ => new TestDatabase(kind, await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync()),
    };

    /// <summary>Deletes a SQLite database's files (a PostgreSQL database goes with the run's cluster).</summary>
    public void Delete()
    {
        if (Kind != DatabaseKind.Sqlite) return;
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Kind == DatabaseKind.Sqlite ? "Sqlite" : "Postgres"),
        new("ConnectionStrings:Default", ConnectionString),
    ];
}
