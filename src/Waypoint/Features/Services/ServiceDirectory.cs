using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Organisations;
using Waypoint.Data;

namespace Waypoint.Features.Services;

/// <summary>A service with its manager's name, for showing.</summary>
public sealed record ServiceView(Service Service, string? ServiceManagerName);

/// <summary>The public services the organisation in scope runs, each with an optional service manager.</summary>
public sealed class ServiceDirectory(WaypointDb db)
{
    public Task<List<ServiceView>> ListAsync(CancellationToken cancellationToken) =>
        Views(db.Services.OrderBy(s => s.Name)).ToListAsync(cancellationToken);

    public Task<ServiceView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Views(db.Services.Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<Service> CreateAsync(string? name, string? description, Guid? serviceManagerId, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var service = new Service(Guid.NewGuid(), organisationId, name!, description, serviceManagerId);
        await CheckAsync(service, cancellationToken);
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return service;
    }

    public async Task<Service?> UpdateAsync(Guid id, string? name, string? description, Guid? serviceManagerId, CancellationToken cancellationToken)
    {
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return null;
        }

        service.Update(name!, description, serviceManagerId);
        await CheckAsync(service, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return service;
    }

    private IQueryable<ServiceView> Views(IQueryable<Service> services) =>
        from s in services.AsNoTracking()
        join u in db.Users on s.ServiceManagerId equals u.Id into managers
        from m in managers.DefaultIfEmpty()
        select new ServiceView(s, m == null ? null : m.DisplayName);

    private async Task CheckAsync(Service service, CancellationToken cancellationToken)
    {
        if (await db.Services.AnyAsync(s => s.Id != service.Id && s.Name == service.Name, cancellationToken))
        {
            throw new RuleViolation("name", $"There is already a service called {service.Name}");
        }

        // A service manager must belong to this organisation (the membership query is confined to it).
        if (service.ServiceManagerId is { } managerId
            && !await db.Memberships.AnyAsync(m => m.UserId == managerId, cancellationToken))
        {
            throw new RuleViolation("serviceManagerId", "Choose a service manager who belongs to this organisation");
        }
    }
}
