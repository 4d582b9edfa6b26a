using Coravel.Invocable;
using PeerMentor.Domain.Scheduling;

namespace PeerMentor.Web.Jobs;

/// <summary>Once a minute (Coravel), expires session requests that nobody answered in time.</summary>
public sealed class SessionExpiryJob(SessionService sessions, ILogger<SessionExpiryJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        var expired = await sessions.ExpireDueAsync(CancellationToken);
        if (expired > 0) logger.LogInformation("Expired {Count} unanswered session requests", expired);
    }
}
