using PeerMentor.Domain.Reviews;

namespace PeerMentor.Web.Jobs;

/// <summary>
/// Every hour, applies the week's buddy pairs, probation and removals for programs set to apply them
/// by themselves; each program's week is applied once (see <see cref="AutomationService.ApplyDueAsync"/>).
/// </summary>
public sealed class AutomationJob(IServiceScopeFactory scopes, ILogger<AutomationJob> logger)
    : PeriodicJob(scopes, logger, TimeSpan.FromHours(1))
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var applied = await services.GetRequiredService<AutomationService>().ApplyDueAsync(stoppingToken);
        if (applied > 0) logger.LogInformation("Applied review automations for {Count} programs", applied);
    }
}
