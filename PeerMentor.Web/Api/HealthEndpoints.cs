using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PeerMentor.Domain.Data;

namespace PeerMentor.Web.Api;

public static class HealthEndpoints
{
    public static IServiceCollection AddPeerMentorHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        return services;
    }

    private const string Ready = "ready";

    /// <summary>
    /// /health is liveness: 200 "Healthy" while the process serves requests, without a database round trip, so a
    /// load balancer polling it costs nothing. /health/ready adds the database: 503 "Unhealthy" when it does not answer.
    /// </summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).DisableRateLimiting();
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                await db.SchemaVersions.AnyAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("The database did not answer.", ex);
            }
        }
    }
}
