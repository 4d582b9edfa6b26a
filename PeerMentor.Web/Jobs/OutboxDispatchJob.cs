using Coravel.Invocable;
using Microsoft.Extensions.Options;
using PeerMentor.Domain.Notifications;

namespace PeerMentor.Web.Jobs;

/// <summary>
/// Started by Coravel every second. It sends what is due when <see cref="DispatcherOptions.PollSeconds"/> have passed
/// since the last look, and until the next start it also wakes at once when a change that queued mail commits on this
/// instance (<see cref="OutboxSignal"/>): a second would be too long to wait for a confirmation mail. Runs overlap
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
        if (dispatcher.PollIsDue()) await dispatcher.DrainAsync(CancellationToken);
        if (!options.Value.WakeOnCommit) return;
        while (await signal.WaitAsync(listenUntil - DateTime.UtcNow, CancellationToken))
            await dispatcher.DrainAsync(CancellationToken);
    }
}
