using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerMentor.Domain.Data;

/// <summary>
/// With the write-ahead log, synchronous=NORMAL skips the disk flush on every commit: a commit still survives
/// the app crashing or being killed, and only a power cut or OS crash can undo the last few. The outbox commits
/// every few messages it sends, so this is what lets it keep up (see README).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static readonly object Applied = new();
    private static readonly ConditionalWeakTable<sqlite3, object> Connections = [];

    private static void Apply(DbConnection connection)
    {
        // The setting belongs to the native connection, which the pool hands out again and again: set it once per native connection.
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Connections.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        if (handle is not null) Connections.AddOrUpdate(handle, Applied);
    }
}
