namespace Waypoint.Core.Organisations;

/// <summary>
/// A public service the organisation runs, such as waste collection. Outcomes belong to a service and
/// its service manager helps define them from the start.
/// </summary>
public sealed class Service : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    private Service()
    {
        Name = string.Empty;
    }

    public Service(Guid id, Guid organisationId, string name, string? description, Guid? serviceManagerId)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Update(name, description, serviceManagerId);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The user who manages this service, if one is named.</summary>
    public Guid? ServiceManagerId { get; private set; }

    public void Update(string name, string? description, Guid? serviceManagerId)
    {
        Name = Text.Required(name, NameMaxLength, "name", "a service name");
        Description = Text.Optional(description, DescriptionMaxLength, "description", "description");
        ServiceManagerId = serviceManagerId;
    }
}
