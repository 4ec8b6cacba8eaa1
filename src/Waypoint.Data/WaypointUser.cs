using Microsoft.AspNetCore.Identity;

namespace Waypoint.Data;

/// <summary>A person who signs in. Which organisations they belong to, and as what, is in their memberships.</summary>
public sealed class WaypointUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 120;

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
