using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PeerMentor.Domain.Data;

namespace PeerMentor.Web.Api;

public static class HealthEndpoints
{
    public static IServiceCollection AddPeerMentorHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>200 "Healthy" when the database answers, 503 "Unhealthy" when it does not.</summary>
    public static void MapHealthEndpoints(this WebApplication app) =>
        app.MapHealthChecks("/health").DisableRateLimiting();

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
