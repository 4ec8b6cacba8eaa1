using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Audit;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, Guid? ActorId, string EntityType, string EntityId, AuditAction Action, string? Before, string? After)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Id, e.At, e.ActorName, e.ActorId, e.EntityType, e.EntityId, e.Action, e.Before, e.After);
}

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (AuditTrailReader reader, int? page, int? pageSize, CancellationToken ct) =>
            {
                var (number, size) = Api.PageOf(page, pageSize);
                var (entries, total) = await reader.PageAsync(number, size, ct);
                return TypedResults.Ok(new Paged<AuditEntryDto>(entries.Select(AuditEntryDto.From).ToList(), number, size, total));
            })
            .WithTags("Audit")
            .WithName("ListAuditEntries").WithSummary("The organisation's audit trail, newest first")
            .RequirePermission(Policies.ViewAudit);
    }
}

/// <summary>Reads the audit trail of the organisation in scope, newest first.</summary>
public sealed class AuditTrailReader(WaypointDb db)
{
    public async Task<(List<AuditEntry> Entries, int Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var query = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Id).Skip(Api.SkipFor(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return (entries, total);
    }
}
