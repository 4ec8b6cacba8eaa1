namespace Waypoint.Core.Audit;

public enum AuditAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}

/// <summary>
/// Who did what to which record, when, with the values before and after. Append-only: storage refuses
/// to change or delete an entry once written.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public AuditEntry(Guid? organisationId, Guid? actorId, string actorName, DateTimeOffset at, string entityType, string entityId, AuditAction action, string? before, string? after)
    {
        OrganisationId = organisationId;
        ActorId = actorId;
        ActorName = actorName;
        At = at;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    /// <summary>The organisation the record belongs to; null for records outside any organisation, such as a user's own account.</summary>
    public Guid? OrganisationId { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary>Who acted, as shown to people: a user's name, or "system" for the command line and seeding.</summary>
    public string ActorName { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>The record's values before the change, as JSON; null when it was created.</summary>
    public string? Before { get; private set; }

    /// <summary>The record's values after the change, as JSON; null when it was deleted.</summary>
    public string? After { get; private set; }
}
