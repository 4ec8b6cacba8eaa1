using Microsoft.Extensions.Diagnostics.HealthChecks;
using Waypoint.Data;

namespace Waypoint.Infrastructure.Web;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(WaypointDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
