namespace Waypoint.Core.Organisations;

/// <summary>
/// The calendar Waypoint plans and records in. A date far outside it is a mistake (a year typed as 0001 or 9999), and
/// refusing it where it comes in keeps every calculation on dates away from the edges of the calendar, where adding
/// a day overflows.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Says what is allowed, for a field named as the reader knows it ("The target date", "from").</summary>
    public static string OutOfRange(string name) => $"{name} must be between 1 January 1900 and 31 December 2100";

    /// <param name="name">The field in words, with a capital, such as "The target date".</param>
    public static DateOnly Check(DateOnly date, string field, string name) =>
        InRange(date) ? date : throw new RuleViolation(field, OutOfRange(name));
}
