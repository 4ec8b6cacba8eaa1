using Waypoint.Core.Organisations;

namespace Waypoint.Core.Steps;

/// <summary>
/// An organisation's rules for steps: the longest a step may be planned for, its holidays (which do not count as
/// working days), and the scores that each appetite level accepts. An organisation without a row has the defaults.
/// </summary>
public sealed class StepSettings : ITenantOwned, IVersionedRecord
{
    public const int LongestBox = 60;

    private List<DateOnly> _holidays = [];

    private StepSettings()
    {
    }

    public StepSettings(Guid organisationId)
    {
        OrganisationId = organisationId;
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public int MaximumWorkingDays { get; private set; } = TimeBox.DefaultMaximumWorkingDays;

    public IReadOnlyList<DateOnly> Holidays => _holidays;

    public int Averse { get; private set; } = AppetiteScale.Default.Averse;

    public int Minimal { get; private set; } = AppetiteScale.Default.Minimal;

    public int Cautious { get; private set; } = AppetiteScale.Default.Cautious;

    public int Open { get; private set; } = AppetiteScale.Default.Open;

    public int Eager { get; private set; } = AppetiteScale.Default.Eager;

    public AppetiteScale Scale => new(Averse, Minimal, Cautious, Open, Eager);

    public StepCalendar Calendar => new(MaximumWorkingDays, _holidays.ToHashSet());

    public void SetMaximumWorkingDays(int? days)
    {
        if (days is not (>= 1 and <= LongestBox))
        {
            throw new RuleViolation("maximumWorkingDays", $"Enter the longest a step may take, from 1 to {LongestBox} working days");
        }

        MaximumWorkingDays = days.Value;
    }

    public void SetHolidays(IEnumerable<DateOnly> holidays) =>
        _holidays = holidays.Select(h => DateRules.Check(h, "holidays", "Each holiday")).Distinct().Order().ToList();

    public void SetScale(AppetiteScale scale)
    {
        var checkedScale = AppetiteScale.Checked(scale.Averse, scale.Minimal, scale.Cautious, scale.Open, scale.Eager);
        (Averse, Minimal, Cautious, Open, Eager) = (checkedScale.Averse, checkedScale.Minimal, checkedScale.Cautious, checkedScale.Open, checkedScale.Eager);
    }
}

/// <summary>How much risk leaders accept in one category. The organisation's categories are the ones it has an appetite for.</summary>
public sealed class RiskAppetite : ITenantOwned
{
    public const int CategoryMaxLength = 100;

    /// <summary>Where a new organisation starts: careful, but not closed to trying things.</summary>
    public const AppetiteLevel DefaultLevel = AppetiteLevel.Cautious;

    private RiskAppetite()
    {
        Category = string.Empty;
    }

    public RiskAppetite(Guid organisationId, string? category, AppetiteLevel level)
        : this()
    {
        OrganisationId = organisationId;
        Category = Text.Required(category, CategoryMaxLength, "category", "a risk category");
        Set(level);
    }

    public Guid OrganisationId { get; private set; }

    public string Category { get; private set; }

    public AppetiteLevel Level { get; private set; }

    public void Set(AppetiteLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new RuleViolation("level", "Choose an appetite: Averse, Minimal, Cautious, Open or Eager");
        }

        Level = level;
    }
}
