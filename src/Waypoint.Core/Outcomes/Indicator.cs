using Waypoint.Core.Organisations;

namespace Waypoint.Core.Outcomes;

/// <summary>
/// A lasting measure, owned by a service or a team, whose history outlives any one outcome: "share of
/// missed-bin reports made online". Outcomes set targets on it; measurements record its values.
/// </summary>
public sealed class Indicator : ITenantOwned, IVersionedRecord
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 20;
    public const int DataSourceMaxLength = 500;

    private Indicator()
    {
        Name = string.Empty;
        Unit = string.Empty;
    }

    public Indicator(Guid id, Guid organisationId, string? name, string? unit, Direction direction, IndicatorKind kind, Cadence cadence, string? dataSource, Guid? teamId, Guid? serviceId)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        Define(name, unit, direction, kind, cadence, dataSource, teamId, serviceId);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Such as "%", "days" or "reports".</summary>
    public string Unit { get; private set; }

    public Direction Direction { get; private set; }

    public IndicatorKind Kind { get; private set; }

    public Cadence Cadence { get; private set; }

    public string? DataSource { get; private set; }

    public Guid? TeamId { get; private set; }

    public Guid? ServiceId { get; private set; }

    /// <summary>The newest measurement's date and value, kept current on every write so dashboards read one row.</summary>
    public DateOnly? LatestDate { get; private set; }

    public decimal? LatestValue { get; private set; }

    public void Define(string? name, string? unit, Direction direction, IndicatorKind kind, Cadence cadence, string? dataSource, Guid? teamId, Guid? serviceId)
    {
        if (teamId is null == serviceId is null)
        {
            throw new RuleViolation("owner", "Choose either the team or the service that owns this indicator");
        }

        Name = Text.Required(name, NameMaxLength, "name", "an indicator name");
        Unit = Text.Required(unit, UnitMaxLength, "unit", "a unit");
        Direction = direction;
        Kind = kind;
        Cadence = cadence;
        DataSource = Text.Optional(dataSource, DataSourceMaxLength, "dataSource", "data source");
        TeamId = teamId;
        ServiceId = serviceId;
    }

    /// <summary>Keeps the latest value current when a measurement is recorded (or corrected) for a date.</summary>
    public void Record(DateOnly date, decimal value)
    {
        if (LatestDate is not { } latest || date >= latest)
        {
            LatestDate = date;
            LatestValue = value;
        }
    }
}
