using Coravel.Invocable;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Jobs;

/// <summary>
/// Started by Coravel every second (its finest schedule). Until the next start it sends what is due whenever
/// <see cref="DispatcherOptions.PollSeconds"/> have passed since the last look, and wakes at once when a change that
/// queued mail commits on this instance (<see cref="OutboxSignal"/>): a second is too long to wait for a confirmation mail. Runs overlap
/// a little so a commit always finds one listening; <see cref="OutboxDispatcher"/> lets one drain at a time.
/// </summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<DispatcherOptions> options)
    : IInvocable, ICancellableInvocable
{
    private static readonly TimeSpan Listen = TimeSpan.FromSeconds(1.5);

    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var listenUntil = DateTime.UtcNow + Listen;
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        try
        {
            while (true)
            {
                if (dispatcher.PollIsDue()) await dispatcher.DrainAsync(CancellationToken);
                var left = listenUntil - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return;
                var wait = left < poll ? left : poll;
                if (!options.Value.WakeOnCommit) await Task.Delay(wait, CancellationToken);
                else if (await signal.WaitAsync(wait, CancellationToken)) await dispatcher.DrainAsync(CancellationToken);
            }
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            // The app is stopping; whatever was claimed and not sent goes out after its lease.
        }
    }
}
