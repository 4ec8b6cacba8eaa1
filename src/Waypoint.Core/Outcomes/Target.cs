using Waypoint.Core.Organisations;

namespace Waypoint.Core.Outcomes;

/// <summary>
/// What an outcome asks of an indicator: from a baseline to a target value by a date. Moving the target's
/// value or date is a re-baseline, kept with its reason in <see cref="TargetRevision"/>, never a silent overwrite.
/// </summary>
public sealed class Target : ITenantOwned, IVersionedRecord
{
    public const int ReasonMaxLength = 1000;

    private Target()
    {
    }

    public Target(Guid id, Guid organisationId, Guid outcomeId, Indicator indicator, Point baseline, Point target, decimal tolerance)
    {
        Id = id;
        OrganisationId = organisationId;
        OutcomeId = outcomeId;
        IndicatorId = indicator.Id;
        Check(indicator.Direction, baseline, target, tolerance);
        BaselineDate = baseline.Date;
        BaselineValue = baseline.Value;
        TargetDate = target.Date;
        TargetValue = target.Value;
        Tolerance = tolerance;
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public DateOnly BaselineDate { get; private set; }

    public decimal BaselineValue { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public decimal TargetValue { get; private set; }

    /// <summary>For Maintain: how far from the target value still counts as on target.</summary>
    public decimal Tolerance { get; private set; }

    public Plan PlanFor(Direction direction) =>
        new(new Point(BaselineDate, BaselineValue), new Point(TargetDate, TargetValue), direction, Tolerance);

    /// <summary>
    /// Moves the target (carrying an outcome into another period, say) and returns the record of the change,
    /// which keeps what the target was and why it moved.
    /// </summary>
    public TargetRevision Rebaseline(Direction direction, Point baseline, Point target, decimal tolerance, string? reason, DateTimeOffset at)
    {
        var why = Text.Required(reason, ReasonMaxLength, "reason", "the reason for moving the target");
        Check(direction, baseline, target, tolerance);
        var revision = new TargetRevision(Guid.NewGuid(), OrganisationId, Id, PlanFor(direction), why, at);
        BaselineDate = baseline.Date;
        BaselineValue = baseline.Value;
        TargetDate = target.Date;
        TargetValue = target.Value;
        Tolerance = tolerance;
        return revision;
    }

    private static void Check(Direction direction, Point baseline, Point target, decimal tolerance)
    {
        DateRules.Check(baseline.Date, "baselineDate", "The baseline date");
        DateRules.Check(target.Date, "targetDate", "The target date");
        if (target.Date <= baseline.Date)
        {
            throw new RuleViolation("targetDate", "The target date must be after the baseline date");
        }

        if (direction != Direction.Maintain && target.Value == baseline.Value)
        {
            throw new RuleViolation("targetValue", "The target value must differ from the baseline, unless the indicator is to be maintained");
        }

        if (direction == Direction.Increase && target.Value < baseline.Value)
        {
            throw new RuleViolation("targetValue", "This indicator should increase: the target value must be above the baseline");
        }

        if (direction == Direction.Decrease && target.Value > baseline.Value)
        {
            throw new RuleViolation("targetValue", "This indicator should decrease: the target value must be below the baseline");
        }

        if (tolerance < 0 || (direction != Direction.Maintain && tolerance != 0))
        {
            throw new RuleViolation("tolerance", "A tolerance is a positive number, and only for an indicator to be maintained");
        }
    }
}

/// <summary>What a target was before a re-baseline, and why it moved.</summary>
public sealed class TargetRevision : ITenantOwned
{
    private TargetRevision()
    {
        Reason = string.Empty;
    }

    internal TargetRevision(Guid id, Guid organisationId, Guid targetId, Plan previous, string reason, DateTimeOffset at)
    {
        Id = id;
        OrganisationId = organisationId;
        TargetId = targetId;
        PreviousBaselineDate = previous.Baseline.Date;
        PreviousBaselineValue = previous.Baseline.Value;
        PreviousTargetDate = previous.Target.Date;
        PreviousTargetValue = previous.Target.Value;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TargetId { get; private set; }

    public DateOnly PreviousBaselineDate { get; private set; }

    public decimal PreviousBaselineValue { get; private set; }

    public DateOnly PreviousTargetDate { get; private set; }

    public decimal PreviousTargetValue { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
