namespace Waypoint.Core;

/// <summary>
/// A value that breaks one of Waypoint's rules. <see cref="Field"/> names the input at fault (as the API spells it,
/// in camelCase) and the message is written for the person who gave it, in the GOV.UK style.
/// </summary>
public class RuleViolation : Exception
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

    public RuleViolation(string field, string message, Exception innerException)
        : base(message, innerException)
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

/// <summary>
/// A change made to a version of a record that is no longer the current one: someone changed it since the person
/// (or client) read it. Nothing was saved. The API answers 412; a page shows the stale-form message.
/// </summary>
public sealed class RecordChanged : RuleViolation
{
    public const string DefaultMessage = "Someone changed this since you opened it. Their changes are shown beside yours: check them, then save again";

    public RecordChanged()
        : base(DefaultMessage)
    {
    }

    public RecordChanged(string message)
        : base(message)
    {
    }

    public RecordChanged(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A record that would break a uniqueness rule kept by the database — two check-ins for one week, two values for
/// one date — usually because two requests raced, or one was sent twice. Nothing was saved. The API answers 409.
/// </summary>
public sealed class RecordConflict : RuleViolation
{
    public RecordConflict()
    {
    }

    public RecordConflict(string message)
        : base(message)
    {
    }

    public RecordConflict(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordConflict(string field, string message)
        : base(field, message)
    {
    }

    public RecordConflict(string field, string message, Exception innerException)
        : base(field, message, innerException)
    {
    }
}
