namespace Waypoint.Core.Organisations;

/// <summary>A group of people who together own outcomes.</summary>
public sealed class Team : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    private Team()
    {
        Name = string.Empty;
    }

    public Team(Guid id, Guid organisationId, string name, string? description)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Update(name, description);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public void Update(string name, string? description)
    {
        Name = Text.Required(name, NameMaxLength, "name", "a team name");
        Description = Text.Optional(description, DescriptionMaxLength, "description", "description");
    }
}
