using Waypoint.Core.Organisations;

namespace Waypoint.Core.Access;

/// <summary>A person's belonging to one organisation, with their role there.</summary>
public sealed class Membership : ITenantOwned
{
    private Membership()
    {
    }

    public Membership(Guid id, Guid organisationId, Guid userId, Role role, DateTimeOffset createdAt)
    {
        Id = id;
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    public Role Role { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void ChangeRole(Role role) => Role = role;
}
