namespace Waypoint.Features.Shared;

public sealed record NavItem(string Text, string Href, bool Current);
