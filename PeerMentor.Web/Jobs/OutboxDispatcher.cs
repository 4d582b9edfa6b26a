using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Jobs;

public sealed class DispatcherOptions
{
    /// <summary>How often to look for mail that came due (reminders, retries, mail queued by another instance).</summary>
    public double PollSeconds { get; set; } = 2;
    /// <summary>Send at once when a change that queued mail commits on this instance, instead of at the next look.</summary>
    public bool WakeOnCommit { get; set; } = true;
    /// <summary>How long a claimed batch is reserved for this instance; a message is only started in the first half of it.</summary>
    public double LeaseSeconds { get; set; } = 60;
    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 400;
    /// <summary>Lanes sending at the same time, each on its own kept-open connection to the mail server and its own database connection.</summary>
    public int Lanes { get; set; } = 8;
}

/// <summary>
/// Delivers queued outbox messages. A batch is claimed with one conditional UPDATE that writes a lease, so with
/// several app instances on one database exactly one sends each message. The batch is split into lanes by
/// recipient (one person's messages stay in order) that send in parallel. A lane reads its messages a chunk at a
/// time and records the chunk's outcomes in one commit once the server has answered each: a crash between the
/// two can repeat the chunks in flight (at most <see cref="ChunkSize"/> messages per lane), never lose one. A reminder that comes due after its session started (the app was down, say) is
/// skipped as missed rather than sent late. <see cref="OutboxDispatchJob"/> runs it.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DispatcherOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    // One batch at a time in this process: two batches side by side could send one person's mails out of order.
    private readonly SemaphoreSlim _oneBatch = new(1, 1);
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    /// <summary>Messages a lane reads at once and records in one commit; a crash can repeat at most this many per lane.</summary>
    public const int ChunkSize = 16;
    private long _batches, _drains;
    private long _lastPollTicks = long.MinValue;

    private DispatcherOptions Settings => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// True once every <see cref="DispatcherOptions.PollSeconds"/> of wall-clock time, and the first time. How often to look is
    /// wall-clock time; what is due is decided by the clock (tests hold the clock and drive batches themselves).
    /// </summary>
    public bool PollIsDue()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastPollTicks);
        if (last != long.MinValue && now - last < Settings.PollSeconds * 1000) return false;
        return Interlocked.CompareExchange(ref _lastPollTicks, now, last) == last;
    }

    /// <summary>How many times the outbox has been drained since start (the first look included).</summary>
    public long Drains => Interlocked.Read(ref _drains);

    /// <summary>Sends batches until one comes back short; a failure is logged and left to the next run.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await DispatchBatchAsync(cancellationToken) == Settings.BatchSize) { }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be briefly unreachable; the next run tries again and nothing is lost.
            logger.LogError(ex, "Outbox dispatch failed; retrying on the next run");
        }
        Interlocked.Increment(ref _drains);
    }

    public void Dispose()
    {
        _oneBatch.Dispose();
        _sqliteWriter.Dispose();
    }

    /// <summary>Claims and sends what is due now; returns how many messages it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        await _oneBatch.WaitAsync(cancellationToken);
        try
        {
            var (batch, leaseUntil) = await ClaimAsync(cancellationToken);
            if (batch.Count == 0) return 0;
            // Start a message only while half the lease is left, so its send and its "sent" finish before anyone may reclaim it.
            var startBy = leaseUntil.AddSeconds(-Settings.LeaseSeconds / 2);
            await Task.WhenAll(Lanes(batch, Settings.Lanes).Select(lane => SendLaneAsync(lane, startBy, cancellationToken)));
            return batch.Count;
        }
        finally
        {
            _oneBatch.Release();
        }
    }

    /// <summary>
    /// Splits a batch into at most <paramref name="laneCount"/> lanes of message ids in the order they were queued.
    /// Each recipient's messages share a lane, so they arrive in order; recipients with the most messages are placed
    /// first, each in the lane with the fewest so far, so the lanes finish together: the next batch waits for the
    /// slowest one (hashing recipients to lanes left some with twice the average).
    /// </summary>
    public static List<List<long>> Lanes(IEnumerable<(long Id, string Recipient)> batch, int laneCount)
    {
        var lanes = new List<long>[Math.Max(1, laneCount)];
        for (var i = 0; i < lanes.Length; i++) lanes[i] = [];
        foreach (var recipient in batch.GroupBy(m => m.Recipient, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()))
            lanes.MinBy(lane => lane.Count)!.AddRange(recipient.Select(m => m.Id));
        foreach (var lane in lanes) lane.Sort();
        return lanes.Where(lane => lane.Count > 0).ToList();
    }

    private async Task<(List<(long Id, string Recipient)> Batch, DateTime LeaseUntil)> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        var leaseUntil = now.AddSeconds(Settings.LeaseSeconds);
        var token = $"{_owner}/{Interlocked.Increment(ref _batches)}";
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Queued && m.NextAttemptUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Settings.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return ([], leaseUntil);
        // The same conditions again inside the UPDATE: a row another instance claimed meanwhile is left to it.
        await db.Outbox
            .Where(m => due.Contains(m.Id) && m.Status == DeliveryStatus.Queued && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, token).SetProperty(m => m.LeaseUntilUtc, leaseUntil), cancellationToken);
        var claimed = await db.Outbox.AsNoTracking().Where(m => m.LeaseOwner == token).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Recipient }).ToListAsync(cancellationToken);
        return (claimed.Select(m => (m.Id, m.Recipient)).ToList(), leaseUntil);
    }

    private async Task SendLaneAsync(List<long> ids, DateTime startBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IMailSender>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var sqlite = db.Database.IsSqlite();
        // One open connection for the whole lane, instead of opening (and setting up) one per read and per commit.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Read a few at a time: one query per chunk, and a row is read moments before it is sent, so a reminder
        // skipped meanwhile (session cancelled) is seen as skipped.
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var messages = await db.Outbox.Where(m => chunk.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            try
            {
                foreach (var message in messages)
                {
                    // Left unsent, the message's lease runs out and the next round (here or elsewhere) claims it again.
                    if (Now > startBy || cancellationToken.IsCancellationRequested) return;
                    if (message.Status != DeliveryStatus.Queued) continue;
                    if (await WhyNotSendAsync(db, message, cancellationToken) is { } reason) message.Skip(reason);
                    else await SendAsync(db, message, sender, sms, cancellationToken);
                }
            }
            finally
            {
                // One commit for the chunk's outcomes, also when the lane stops early (what the server took is recorded
                // even while the app stops): a crash before it can repeat at most this chunk of the lane, never lose one.
                await CommitAsync(db, sqlite, CancellationToken.None);
                // A context that kept every row it sent would compare them all again at each commit.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// SQLite has one writer at a time and Microsoft.Data.Sqlite answers a busy database by sleeping before it tries again,
    /// so the lanes take turns here instead of colliding; PostgreSQL commits them side by side.
    /// </summary>
    private async Task CommitAsync(AppDbContext db, bool sqlite, CancellationToken cancellationToken)
    {
        if (!sqlite)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    private async Task SendAsync(AppDbContext db, OutboxMessage message, IMailSender sender, ISmsSender sms, CancellationToken cancellationToken)
    {
        try
        {
            if (message.Channel == OutboxChannel.Sms) await sms.SendAsync(message.ToSms(), cancellationToken);
            else await sender.SendAsync(message.ToMail(), cancellationToken);
            message.MarkSent(Now);
        }
        catch (MailDeliveryException ex)
        {
            if (ex.Permanent) message.MarkRejected(ex.Message);
            else message.MarkFailed(ex.Message, Now);
            logger.LogWarning("Mail {Id} to {Recipient} failed (attempt {Attempts}, permanent: {Permanent}): {Error}", message.Id, message.Recipient, message.Attempts, ex.Permanent, ex.Message);
        }
        catch (SmsDeliveryException ex)
        {
            if (ex.Permanent) message.MarkRejected(ex.Message);
            else message.MarkFailed(ex.Message, Now);
            logger.LogWarning("SMS {Id} failed (attempt {Attempts}, permanent: {Permanent}): {Error}", message.Id, message.Attempts, ex.Permanent, ex.Message);
            // A text that will never arrive still owes its news: send it by email instead.
            if (message.Status == DeliveryStatus.Dead && message.EmailFallback(Now) is { } fallback) db.Outbox.Add(fallback);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fault of our own (a malformed address, say) must not stop the others: it backs off and shows in the delivery log.
            message.MarkFailed($"Could not send: {ex.Message}", Now);
            logger.LogError(ex, "Outbox message {Id} could not be sent", message.Id);
        }
    }

    /// <summary>
    /// Messages whose topic the recipient has turned off for their channel are skipped, and so are reminders that
    /// come due after their session or masterclass started, or once it is gone.
    /// </summary>
    private async Task<string?> WhyNotSendAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await NotificationChoices.WhyNotSendAsync(db, message, cancellationToken) is { } turnedOff) return turnedOff;
        if (message.Kind != OutboxKind.Reminder) return null;
        var now = Now;
        if (message.SessionId is { } sessionId)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Status, s.StartUtc }).FirstOrDefaultAsync(cancellationToken);
            return SessionReminders.WhyNotSend(session?.Status, session?.StartUtc, now);
        }
        if (message.EventId is { } eventId)
        {
            var found = await db.Set<ProgramEvent>().Where(e => e.Id == eventId)
                .Select(e => new { e.StartUtc, e.CancelledUtc }).FirstOrDefaultAsync(cancellationToken);
            return ProgramEventService.WhyNotRemind(found?.StartUtc, now, found?.CancelledUtc is not null);
        }
        return null;
    }
}
