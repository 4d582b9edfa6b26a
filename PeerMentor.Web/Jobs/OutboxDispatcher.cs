using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Data;
using PeerMentor.Domain.Notifications;
using PeerMentor.Domain.Programs;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Jobs;

public sealed class DispatcherOptions
{
    public double PollSeconds { get; set; } = 2;
    public double LeaseSeconds { get; set; } = 60;
}

/// <summary>
/// Delivers queued outbox mail. Each message is claimed with a lease by a conditional UPDATE, so with
/// several app instances on one database exactly one sends it; a crash between sending and recording
/// "sent" can repeat that one message after the lease runs out, never lose it. A reminder that comes due
/// after its session started (the app was down, say) is skipped as missed rather than sent late.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DispatcherOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) == BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unreachable; the next tick tries again and nothing is lost.
                logger.LogError(ex, "Outbox dispatch failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many messages it looked at.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IMailSender>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox
            .Where(m => m.Status == DeliveryStatus.Queued && m.NextAttemptUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.Status == DeliveryStatus.Queued && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, _owner).SetProperty(m => m.LeaseUntilUtc, leaseUntil), cancellationToken);
            if (claimed == 0) continue;

            var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
            if (await WhyNotSendAsync(db, message, cancellationToken) is { } reason)
            {
                message.Skip(reason);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }
            try
            {
                if (message.Channel == OutboxChannel.Sms) await sms.SendAsync(message.ToSms(), cancellationToken);
                else await sender.SendAsync(message.ToMail(), cancellationToken);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
            }
            catch (MailDeliveryException ex)
            {
                message.MarkFailed(ex.Message, clock.GetUtcNow().UtcDateTime);
                logger.LogWarning("Mail {Id} to {Recipient} failed (attempt {Attempts}): {Error}", id, message.Recipient, message.Attempts, ex.Message);
            }
            catch (SmsDeliveryException ex)
            {
                if (ex.Permanent) message.MarkRejected(ex.Message);
                else message.MarkFailed(ex.Message, clock.GetUtcNow().UtcDateTime);
                logger.LogWarning("SMS {Id} failed (attempt {Attempts}, permanent: {Permanent}): {Error}", id, message.Attempts, ex.Permanent, ex.Message);
                // A text that will never arrive still owes its news: send it by email instead.
                if (message.Status == DeliveryStatus.Dead && message.EmailFallback(clock.GetUtcNow().UtcDateTime) is { } fallback) db.Outbox.Add(fallback);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    /// <summary>
    /// Messages whose topic the recipient has turned off for their channel are skipped, and so are reminders that
    /// come due after their session or masterclass started, or once it is gone.
    /// </summary>
    private async Task<string?> WhyNotSendAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await NotificationChoices.WhyNotSendAsync(db, message, cancellationToken) is { } turnedOff) return turnedOff;
        if (message.Kind != OutboxKind.Reminder) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (message.SessionId is { } sessionId)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Status, s.StartUtc }).FirstOrDefaultAsync(cancellationToken);
            return SessionReminders.WhyNotSend(session?.Status, session?.StartUtc, now);
        }
        if (message.EventId is { } eventId)
        {
            var start = await db.Set<ProgramEvent>().Where(e => e.Id == eventId).Select(e => (DateTime?)e.StartUtc).FirstOrDefaultAsync(cancellationToken);
            return ProgramEventService.WhyNotRemind(start, now);
        }
        return null;
    }
}
