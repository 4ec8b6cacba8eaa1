namespace Waypoint.Core.Access;

/// <summary>The one table of which role holds which permission.</summary>
public static class RolePermissions
{
    public static bool Grants(Role role, Permission permission) => permission switch
    {
        Permission.ViewOrganisation => true,
        Permission.ViewDirectory => true,
        Permission.ManageDirectory => role is Role.Admin,
        Permission.ManageMembers => role is Role.Admin,
        Permission.ViewAudit => role is Role.Admin,
        _ => false,
    };
}
