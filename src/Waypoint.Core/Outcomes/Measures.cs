namespace Waypoint.Core.Outcomes;

/// <summary>Which way an indicator should move for things to be better.</summary>
public enum Direction
{
    Increase = 0,
    Decrease = 1,

    /// <summary>Stay inside a tolerance band around the target value.</summary>
    Maintain = 2,
}

/// <summary>What an indicator measures (results-based accountability's three questions).</summary>
public enum IndicatorKind
{
    /// <summary>How much did we do?</summary>
    HowMuch = 0,

    /// <summary>How well did we do it?</summary>
    HowWell = 1,

    /// <summary>Is anyone better off?</summary>
    BetterOff = 2,
}

/// <summary>How often an indicator is expected to be measured.</summary>
public enum Cadence
{
    Weekly = 0,
    Monthly = 1,
    Quarterly = 2,
}

public static class CadenceRules
{
    /// <summary>The longest gap between measurements before a target is overdue: the cadence plus a grace period of half of it.</summary>
    public static int AllowedGapInDays(this Cadence cadence) => cadence switch
    {
        Cadence.Weekly => 7 + 4,
        Cadence.Monthly => 31 + 15,
        Cadence.Quarterly => 92 + 46,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
    };
}
