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

    private readonly Dictionary<(Type Type, object Key), int> _expected = [];

    /// <summary>
    /// Says which revision of a record the person or client read before changing it (from an API's <c>If-Match</c>
    /// or a form's hidden field). The next save that writes the record checks it in the database as part of the
    /// write: if someone saved another revision meanwhile, nothing is written and <c>RecordChanged</c> is thrown.
    /// </summary>
    public void ExpectRevision(Type type, object key, int revision) => _expected[(type, key)] = revision;

    internal bool TryGetExpectedRevision(Type type, object key, out int revision) => _expected.TryGetValue((type, key), out revision);

    /// <summary>Once a save has checked and written a record, later saves in the same request check what they read.</summary>
    internal void Checked(Type type, object key) => _expected.Remove((type, key));

    /// <summary>Whether a save in this request was refused because a record had changed since it was read.</summary>
    public bool FoundStaleRecord { get; internal set; }
}
