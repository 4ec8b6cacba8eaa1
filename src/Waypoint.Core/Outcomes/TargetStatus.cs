namespace Waypoint.Core.Outcomes;

/// <summary>How a target stands on a given day. <see cref="ProgressRules.OutcomeStatus"/> says which is worse.</summary>
public enum TargetStatus
{
    /// <summary>At or ahead of the straight line from baseline to target (or, for Maintain, inside the band).</summary>
    OnTrack = 0,

    /// <summary>Behind the line, but by less than <see cref="ProgressRules.AtRiskMargin"/> of the whole distance.</summary>
    AtRisk = 1,

    /// <summary>Further behind than that, or outside the band, or past the target date without meeting it.</summary>
    OffTrack = 2,

    /// <summary>No measurement since the baseline.</summary>
    NoData = 3,

    /// <summary>The latest measurement is older than the indicator's cadence plus a grace period.</summary>
    Overdue = 4,
}
