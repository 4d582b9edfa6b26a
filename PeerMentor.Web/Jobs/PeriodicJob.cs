namespace PeerMentor.Web.Jobs;

/// <summary>
/// Runs <see cref="RunOnceAsync"/> at start-up and then every <paramref name="period"/>, each time in its own
/// scope; a failed run is logged and the next tick tries again.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, ILogger logger, TimeSpan period) : BackgroundService
{
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, TimeProvider.System);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed; retrying in {Period}", GetType().Name, period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
