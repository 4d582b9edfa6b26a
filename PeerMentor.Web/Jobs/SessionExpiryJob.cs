using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Jobs;

/// <summary>Once a minute, expires session requests that nobody answered in time.</summary>
public sealed class SessionExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<SessionService>().ExpireDueAsync(stoppingToken);
                if (expired > 0) logger.LogInformation("Expired {Count} unanswered session requests", expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Expiring session requests failed; retrying in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
