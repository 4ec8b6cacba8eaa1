using Waypoint.Core.Organisations;

namespace Waypoint.Core.Access;

/// <summary>
/// A person's belonging to one organisation, with their role there and the name the organisation knows them by. The
/// name is the organisation's own, not the account's: an admin who adds an email that already has an account learns
/// nothing about it, not even the name another organisation gave it.
/// </summary>
public sealed class Membership : ITenantOwned
{
    public const int DisplayNameMaxLength = 120;

    private Membership()
    {
    }

    public Membership(Guid id, Guid organisationId, Guid userId, Role role, DateTimeOffset createdAt, string displayName)
    {
        Id = id;
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        CreatedAt = createdAt;
        Rename(displayName);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    public Role Role { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The name shown for this person in this organisation. Null only on memberships made before names were kept per
    /// organisation; those show the account's name.
    /// </summary>
    public string? DisplayName { get; private set; }

    public void ChangeRole(Role role) => Role = role;

    public void Rename(string? displayName) => DisplayName = ValidName(displayName);

    /// <summary>The name trimmed, or a <see cref="RuleViolation"/> saying what is wrong with it.</summary>
    public static string ValidName(string? displayName)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new RuleViolation("displayName", "Enter the person's name");
        }

        if (name.Length > DisplayNameMaxLength)
        {
            throw new RuleViolation("displayName", $"Name must be {DisplayNameMaxLength} characters or fewer");
        }

        return name;
    }
}
