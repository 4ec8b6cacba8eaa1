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

    internal void Set(Organisation organisation, Membership? membership)
    {
        _organisation = organisation;
        Membership = membership;
    }
}
