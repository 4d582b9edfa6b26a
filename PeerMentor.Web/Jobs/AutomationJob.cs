using Coravel.Invocable;
using PeerMentor.Domain.Reviews;

namespace PeerMentor.Web.Jobs;

/// <summary>
/// Every hour (Coravel), applies the week's buddy pairs, probation and removals for programs set to apply them
/// by themselves; each program's week is applied once (see <see cref="AutomationService.ApplyDueAsync"/>).
/// </summary>
public sealed class AutomationJob(AutomationService automations, ILogger<AutomationJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var applied = await automations.ApplyDueAsync(CancellationToken);
        if (applied > 0) logger.LogInformation("Applied review automations for {Count} programs", applied);
    }
}
