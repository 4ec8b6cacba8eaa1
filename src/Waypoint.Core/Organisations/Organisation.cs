namespace Waypoint.Core.Organisations;

/// <summary>A tenant: a council or other public body, addressed by its slug.</summary>
public sealed class Organisation : IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const string DefaultTimeZone = "Europe/London";
    public const string DefaultOpenDataLicence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    private Organisation()
    {
        Slug = string.Empty;
        Name = string.Empty;
        TimeZone = DefaultTimeZone;
        OpenDataLicence = DefaultOpenDataLicence;
    }

    public Organisation(Guid id, string slug, string name, DateTimeOffset createdAt)
        : this()
    {
        if (!OrganisationSlug.IsValid(slug))
        {
            throw new RuleViolation("slug", OrganisationSlug.Rule);
        }

        Id = id;
        Slug = slug;
        Rename(name);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>IANA time zone in which times are shown to this organisation's people.</summary>
    public string TimeZone { get; private set; }

    public string OpenDataLicence { get; private set; }

    /// <summary>Survey results for a group smaller than this are never shown.</summary>
    public int MinimumGroupSize { get; private set; } = 5;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Sets the smallest group whose survey results are shown: never below 3, which would let one person learn another's answers.</summary>
    public void ChangeMinimumGroupSize(int? size) => MinimumGroupSize = CheckMinimumGroupSize(size);

    /// <summary>The size, or the reason it cannot be the minimum: checked before anything is done about it.</summary>
    public static int CheckMinimumGroupSize(int? size) =>
        size is { } value && value >= Mindset.Suppression.MinimumFloor && value <= 100
            ? value
            : throw new RuleViolation("minimumGroupSize", $"Enter a minimum group size from {Mindset.Suppression.MinimumFloor} to 100");

    public void Rename(string name)
    {
        Name = Text.Required(name, NameMaxLength, "name", "an organisation name");
    }
}
