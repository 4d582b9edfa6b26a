using System.Data.Common;
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

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
