namespace Waypoint.Core.Organisations;

/// <summary>
/// The calendar Waypoint plans and records in. Dates far outside it are mistakes (a year typed as 0001 or 9999), and
/// refusing them where they come in keeps every calculation on dates away from the edges of the calendar.
/// </summary>
public static class Dates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Says what is allowed, for a field named as the reader knows it ("the target date", "from").</summary>
    public static string OutOfRange(string name) => $"{name} must be between 1 January 1900 and 31 December 2100";
}
