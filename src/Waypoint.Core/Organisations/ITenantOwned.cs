namespace Waypoint.Core.Organisations;

/// <summary>
/// A record that belongs to exactly one organisation. Storage enforces that a request scoped to one
/// organisation never reads or writes another's rows of any type that implements this.
/// </summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}
