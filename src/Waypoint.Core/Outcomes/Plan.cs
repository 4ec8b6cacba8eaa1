namespace Waypoint.Core.Outcomes;

/// <summary>A value on a day.</summary>
public readonly record struct Point(DateOnly Date, decimal Value);

/// <summary>
/// What a target asks of an indicator: from a baseline to a target value by a date, in a direction. For
/// <see cref="Direction.Maintain"/> the target value is the middle of a band of ± <see cref="Tolerance"/>.
/// </summary>
public sealed record Plan(Point Baseline, Point Target, Direction Direction, decimal Tolerance = 0)
{
    public decimal Distance => Target.Value - Baseline.Value;

    public int Days => Target.Date.DayNumber - Baseline.Date.DayNumber;
}
