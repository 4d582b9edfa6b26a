using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace PeerMentor.Domain.Data;

/// <summary>
/// A number that moves on after every change this process commits to the database, whatever wrote it (a page, the
/// API, a job, Identity). An answer computed from reads that began at version v is still the database's answer while
/// the version is v. It knows only this process's writes: another process writing to the same database goes unseen.
/// </summary>
public sealed class DataVersion
{
    private long _value;

    public long Current => Volatile.Read(ref _value);

    internal void Advance() => Interlocked.Increment(ref _value);
}

/// <summary>
/// Advances <see cref="DataVersion"/> once a write is visible to other connections: after a write statement outside a
/// transaction has run, after SaveChanges, and after the commit of a transaction that wrote. Reads (statements that
/// start with SELECT) and UPDATE or DELETE statements that changed no row (the outbox's idle claims) leave it alone.
/// </summary>
public sealed class DataVersionInterceptor(DataVersion version) : IDbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly object Wrote = new();
    private readonly ConditionalWeakTable<DbTransaction, object> _writing = [];

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Changed(command, result)) Written(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Changed(command, result)) Written(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        if (!IsRead(command)) Written(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        if (!IsRead(command)) Written(command);
        return ValueTask.FromResult(result);
    }

    // SaveChanges reads back keys and concurrency tokens, so its writes run as readers; a batch's later statements run
    // while the reader is read, hence once more when it is let go.
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (!IsRead(command)) Written(command);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (!IsRead(command)) Written(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (!IsRead(command)) Written(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (!IsRead(command)) Written(command);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    // SQLite commits a statement that returns rows (SaveChanges' INSERT ... RETURNING) only once its reader is let go,
    // after every reader event above: SaveChanges' end is the first moment the change is surely visible.
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_writing.Remove(transaction)) version.Advance();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction?.GetDbTransaction() is { } transaction) _writing.AddOrUpdate(transaction, Wrote);
        else version.Advance();
    }

    private void Written(DbCommand command)
    {
        // Inside a transaction the change shows only at the commit; a reader that looked before must not keep an old answer as new.
        if (command.Transaction is { } transaction) _writing.AddOrUpdate(transaction, Wrote);
        else version.Advance();
    }

    private static bool Changed(DbCommand command, int rows) =>
        !IsRead(command) && (rows != 0 || !(StartsWith(command.CommandText, "UPDATE") || StartsWith(command.CommandText, "DELETE")));

    private static bool IsRead(DbCommand command) => StartsWith(command.CommandText, "SELECT");

    private static bool StartsWith(string sql, string keyword) =>
        sql.AsSpan().TrimStart().StartsWith(keyword, StringComparison.OrdinalIgnoreCase);
}
