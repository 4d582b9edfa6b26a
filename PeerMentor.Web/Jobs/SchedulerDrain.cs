using System.Diagnostics;
using Coravel.Scheduling.Schedule;
using Coravel.Scheduling.Schedule.Interfaces;

namespace PeerMentor.Web.Jobs;

/// <summary>
/// Waits on shutdown until Coravel's scheduler has no run in progress. Coravel's host stops its timer but does not wait
/// for a run already going ("App closing (in background) will be prevented…"); the host then disposes the service
/// provider, the run asks it for its next job's scope, and the ObjectDisposedException on a thread-pool thread ends the
/// process. Registered before Coravel's host, so it stops after it; it waits at most ten seconds.
/// </summary>
internal sealed class SchedulerDrain(IScheduler scheduler) : IHostedService
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not Scheduler coravel) return;
        var waited = Stopwatch.StartNew();
        // Idle twice in a row, 50 ms apart: a timer tick that had begun just before the stop has had time to start its run.
        for (var idle = 0; idle < 2 && waited.Elapsed < Longest && !cancellationToken.IsCancellationRequested;)
        {
            idle = coravel.IsRunning ? 0 : idle + 1;
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
