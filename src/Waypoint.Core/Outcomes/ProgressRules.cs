namespace Waypoint.Core.Outcomes;

/// <summary>
/// The rules that turn a plan and its measurements into progress and a status. Each rule is written here once
/// and explained on the help page.
/// </summary>
public static class ProgressRules
{
    /// <summary>How far behind the line, as a share of the whole distance, still counts as at risk rather than off track.</summary>
    public const decimal AtRiskMargin = 0.1m;

    /// <summary>
    /// How far a value has come from the baseline toward the target, as a share of the distance: 0 at the
    /// baseline, 1 at the target, negative when it went the wrong way, above 1 beyond the target. The same
    /// formula serves both directions, because the distance carries the sign. For Maintain: 1 inside the band, 0 outside.
    /// </summary>
    public static decimal Progress(Plan plan, decimal value)
    {
        if (plan.Direction == Direction.Maintain)
        {
            return InBand(plan, value) ? 1m : 0m;
        }

        return plan.Distance == 0 ? 0m : (value - plan.Baseline.Value) / plan.Distance;
    }

    public static bool InBand(Plan plan, decimal value) => Math.Abs(value - plan.Target.Value) <= plan.Tolerance;

    /// <summary>
    /// The trajectory: the value the straight line from baseline to target expects on a day. Before the
    /// baseline it is the baseline; after the target date, the target.
    /// </summary>
    public static decimal Expected(Plan plan, DateOnly date)
    {
        if (plan.Direction == Direction.Maintain || plan.Days <= 0 || date.DayNumber >= plan.Target.Date.DayNumber)
        {
            return plan.Target.Value;
        }

        if (date.DayNumber <= plan.Baseline.Date.DayNumber)
        {
            return plan.Baseline.Value;
        }

        var elapsed = (decimal)(date.DayNumber - plan.Baseline.Date.DayNumber) / plan.Days;
        return plan.Baseline.Value + (plan.Distance * elapsed);
    }

    /// <summary>
    /// The status of a target on a day, from its measurements (in any order). Only measurements on or after the
    /// baseline date and on or before the day count; the latest of them decides.
    /// </summary>
    public static TargetStatus Status(Plan plan, Cadence cadence, IEnumerable<Point> measurements, DateOnly today)
    {
        Point? latest = null;
        foreach (var m in measurements)
        {
            if (m.Date < plan.Baseline.Date || m.Date > today)
            {
                continue;
            }

            // The latest date wins; on the same date the larger value, so that the order of arrival never matters.
            if (latest is not { } l || m.Date > l.Date || (m.Date == l.Date && m.Value > l.Value))
            {
                latest = m;
            }
        }

        if (latest is not { } last)
        {
            return TargetStatus.NoData;
        }

        var targetReached = plan.Direction == Direction.Maintain ? InBand(plan, last.Value) : Progress(plan, last.Value) >= 1m;
        if (today.DayNumber - last.Date.DayNumber > cadence.AllowedGapInDays() && !(targetReached && today > plan.Target.Date))
        {
            return TargetStatus.Overdue;
        }

        if (plan.Direction == Direction.Maintain)
        {
            return InBand(plan, last.Value) ? TargetStatus.OnTrack : TargetStatus.OffTrack;
        }

        var actual = Progress(plan, last.Value);
        if (last.Date >= plan.Target.Date)
        {
            return actual >= 1m ? TargetStatus.OnTrack : TargetStatus.OffTrack;
        }

        var expected = Progress(plan, Expected(plan, last.Date));
        return actual >= expected ? TargetStatus.OnTrack
            : actual >= expected - AtRiskMargin ? TargetStatus.AtRisk
            : TargetStatus.OffTrack;
    }

    /// <summary>An outcome is as well as its worst target; with no targets it has no data.</summary>
    public static TargetStatus OutcomeStatus(IEnumerable<TargetStatus> targets)
    {
        var worst = (TargetStatus?)null;
        foreach (var status in targets)
        {
            if (worst is null || Severity(status) > Severity(worst.Value))
            {
                worst = status;
            }
        }

        return worst ?? TargetStatus.NoData;
    }

    /// <summary>Off track is the worst news; missing or late data is less bad than that but worse than at risk.</summary>
    private static int Severity(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack => 0,
        TargetStatus.AtRisk => 1,
        TargetStatus.NoData => 2,
        TargetStatus.Overdue => 3,
        TargetStatus.OffTrack => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
