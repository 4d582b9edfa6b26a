namespace PeerMentor.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>A fresh, empty database of either kind, described as the app's configuration keys.</summary>
public sealed record TestDatabase(DatabaseKind Kind, string ConnectionString)
{
    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.Sqlite => new TestDatabase(kind, $"Data Source={Path.Combine(Path.GetTempPath(), $"pm-test-{Guid.NewGuid():N}.db")}"),
        _ => new TestDatabase(kind, await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync()),
    };

    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Kind == DatabaseKind.Sqlite ? "Sqlite" : "Postgres"),
        new("ConnectionStrings:Default", ConnectionString),
    ];
}
