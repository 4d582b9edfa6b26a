using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Jobs;

/// <summary>Once a minute, expires session requests that nobody answered in time.</summary>
public sealed class SessionExpiryJob(IServiceScopeFactory scopes, ILogger<SessionExpiryJob> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromMinutes(1))
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var expired = await services.GetRequiredService<SessionService>().ExpireDueAsync(stoppingToken);
        if (expired > 0) logger.LogInformation("Expired {Count} unanswered session requests", expired);
    }
}
