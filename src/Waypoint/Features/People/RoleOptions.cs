using Waypoint.Core.Access;

namespace Waypoint.Features.People;

public static class RoleOptions
{
    public static readonly IReadOnlyList<(string Value, string Text)> All =
        [.. Enum.GetValues<Role>().OrderByDescending(r => r).Select(r => (r.ToString(), r.ToString()))];
}
