using System.Security.Claims;

namespace Waypoint.Infrastructure.Auth;

/// <summary>The claims Waypoint reads from a signed-in principal.</summary>
public static class WaypointClaims
{
    /// <summary>On a principal signed in with an API token: the organisation the token is for.</summary>
    public const string TokenOrganisation = "waypoint:token_org";

    /// <summary>On a principal signed in with an API token: <c>Read</c> or <c>Write</c>.</summary>
    public const string TokenScope = "waypoint:token_scope";

    public const string DisplayName = "waypoint:name";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayNameOf(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "unknown";
}
