namespace Waypoint.Core;

/// <summary>
/// A value that breaks one of Waypoint's rules. <see cref="Field"/> names the input at fault (as the API spells it,
/// in camelCase) and the message is written for the person who gave it, in the GOV.UK style.
/// </summary>
public sealed class RuleViolation : Exception
{
    public RuleViolation()
    {
        Field = string.Empty;
    }

    public RuleViolation(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public RuleViolation(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public RuleViolation(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}

/// <summary>Several rule violations at once, such as every bad row of a batch that is refused whole.</summary>
public sealed class RuleViolations : Exception
{
    public RuleViolations()
    {
        Items = [];
    }

    public RuleViolations(string message)
        : base(message)
    {
        Items = [];
    }

    public RuleViolations(string message, Exception innerException)
        : base(message, innerException)
    {
        Items = [];
    }

    public RuleViolations(string message, IReadOnlyList<RuleViolation> items)
        : base(message)
    {
        Items = items;
    }

    public IReadOnlyList<RuleViolation> Items { get; }
}
