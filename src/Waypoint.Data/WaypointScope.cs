namespace Waypoint.Data;

/// <summary>
/// Who is acting, and in which organisation, for the lifetime of one request or command. The host fills it in
/// once (from the URL and the signed-in user); storage reads it to filter rows and to write the audit trail.
/// </summary>
public sealed class WaypointScope
{
    /// <summary>
    /// The organisation a request is scoped to. While null, no tenant-owned row can be read through the
    /// normal query filters, and writes are allowed only to system callers (the command line and seeding).
    /// </summary>
    public Guid? OrganisationId { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; } = "system";

    public void EnterOrganisation(Guid organisationId)
    {
        if (OrganisationId is { } current && current != organisationId)
        {
            throw new InvalidOperationException("A scope cannot move from one organisation to another.");
        }

        OrganisationId = organisationId;
    }

    public void ActAs(Guid? actorId, string actorName)
    {
        ActorId = actorId;
        ActorName = actorName;
    }
}
