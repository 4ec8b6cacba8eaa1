using Waypoint.Core.Access;
using Waypoint.Core.Organisations;

namespace Waypoint.Infrastructure.Tenancy;

/// <summary>The organisation a request is for, and the signed-in person's membership of it. Filled in by <see cref="TenancyMiddleware"/>.</summary>
public sealed class OrganisationContext
{
    private Organisation? _organisation;

    public Organisation Organisation =>
        _organisation ?? throw new InvalidOperationException("This request is not scoped to an organisation.");

    public bool HasOrganisation => _organisation is not null;

    public Membership? Membership { get; private set; }

    public Role? Role => Membership?.Role;

    public bool Can(Permission permission) => Membership is { } m && RolePermissions.Grants(m.Role, permission);

    private Viewer? _viewer;

    /// <summary>Who is looking and what today is where the organisation is: built once for the request.</summary>
    public Viewer Viewer => _viewer ?? throw new InvalidOperationException("This request is not scoped to an organisation.");

    internal void Set(Organisation organisation, Membership? membership, Guid? personId, DateOnly today)
    {
        _organisation = organisation;
        Membership = membership;
        _viewer = new Viewer(membership is null ? null : personId, membership?.Role, today);
    }

    /// <summary>For work outside a request (a benchmark, a command): act in an organisation as a given viewer.</summary>
    public void Enter(Organisation organisation, Viewer viewer)
    {
        _organisation = organisation;
        Membership = null;
        _viewer = viewer;
    }
}
