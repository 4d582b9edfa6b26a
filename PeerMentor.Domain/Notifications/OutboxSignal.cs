using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace PeerMentor.Domain.Notifications;

/// <summary>
/// Wakes this instance's outbox dispatcher as soon as a change that queued a message commits, so mail does not
/// wait for the next poll. Pokes that come while nobody waits are kept as one.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _pokes.Writer.TryWrite(true);

    /// <summary>True when poked (now or earlier and not yet taken), false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pokes.Reader.TryRead(out _)) return true;
        if (timeout <= TimeSpan.Zero) return false;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _pokes.Reader.WaitToReadAsync(timer.Token);
            return _pokes.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

/// <summary>
/// Pokes the <see cref="OutboxSignal"/> once outbox messages are durable: after SaveChanges when it committed by itself,
/// or after the commit of the explicit transaction it ran in (poking earlier would find nothing to send).
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> _waitingForCommit = [];
    private readonly ConditionalWeakTable<DbContext, object> _adding = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        _adding.Remove(context);
        if (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)) _adding.Add(context, Pending);
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_adding.Remove(context)) return;
        if (context.Database.CurrentTransaction is null) signal.Poke();
        else _waitingForCommit.AddOrUpdate(context, Pending);
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _waitingForCommit.Remove(context)) signal.Poke();
    }
}
