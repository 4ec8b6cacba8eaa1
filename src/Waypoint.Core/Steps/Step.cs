using Waypoint.Core.Organisations;

namespace Waypoint.Core.Steps;

/// <summary>Where a step is. Done and Stopped are final.</summary>
public enum StepStatus
{
    Idea = 0,
    Ready = 1,
    Doing = 2,
    Done = 3,
    Stopped = 4,
}

/// <summary>Where a step's risk stands at the gate.</summary>
public enum SignOff
{
    /// <summary>Not assessed yet.</summary>
    None = 0,

    /// <summary>Within appetite: went ahead without asking anyone.</summary>
    WithinAppetite = 1,

    /// <summary>Above appetite and waiting for a leader or admin who does not own the step.</summary>
    Waiting = 2,

    Approved = 3,
    Declined = 4,
}

/// <summary>
/// A small, time-boxed piece of work or experiment toward an outcome, written as a hypothesis: we believe that
/// <see cref="Change"/> will move <see cref="IndicatorId"/> (<see cref="ExpectedEffect"/>) because <see cref="Because"/>.
/// Anyone may propose and start steps; only a risk above the organisation's appetite needs a sign-off, and a
/// step cannot close without what was learned.
/// </summary>
public sealed class Step : ITenantOwned, IVersionedRecord
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    private readonly List<Guid> _owners = [];

    private Step()
    {
        Title = string.Empty;
        Change = string.Empty;
        ExpectedEffect = string.Empty;
        Because = string.Empty;
    }

    public Step(Guid id, Guid organisationId, Guid outcomeId, StepPlan plan, StepCalendar calendar, DateTimeOffset createdAt)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        OutcomeId = outcomeId;
        CreatedAt = createdAt;
        Revise(plan, calendar);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public string Title { get; private set; }

    public string Change { get; private set; }

    public Guid IndicatorId { get; private set; }

    public string ExpectedEffect { get; private set; }

    public string Because { get; private set; }

    public IReadOnlyList<Guid> Owners => _owners;

    public DateOnly StartDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>Why a leader let this step run longer than the organisation's box, when one did.</summary>
    public string? BoxOverrideReason { get; private set; }

    public Guid? BoxOverriddenBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the step last became Ready: lead time is counted from here to Done.</summary>
    public DateOnly? ReadyOn { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Afterwards, whether the assessed risk happened; null until the owners say.</summary>
    public bool? RiskMaterialised { get; private set; }

    /// <summary>How badly, 1–5 on the impact scale, when it did.</summary>
    public int? MaterialisedImpact { get; private set; }

    public bool IsClosed => Status is StepStatus.Done or StepStatus.Stopped;

    /// <summary>Past its due date and not closed.</summary>
    public bool IsOverdue(DateOnly today) => !IsClosed && today > DueDate;

    /// <summary>
    /// Done inside its box: by the same working-day rule that planned it, no working day had passed after its due
    /// date when it finished (a step due on Friday and done on Saturday, or after a holiday Monday, is in its box).
    /// </summary>
    public bool FinishedInBox(IReadOnlySet<DateOnly> holidays) =>
        Status == StepStatus.Done && FinishedOn is { } finished && TimeBox.FinishedInBox(DueDate, finished, holidays);

    public bool IsOwnedBy(Guid person) => _owners.Contains(person);

    /// <summary>
    /// Sets what the step is and when it runs. A step planned longer than the organisation's box is refused with
    /// a suggestion to split it, unless a leader has allowed it with a reason.
    /// </summary>
    public void Revise(StepPlan plan, StepCalendar calendar)
    {
        if (IsClosed)
        {
            throw new RuleViolation("status", $"This step is {Status} and can no longer be changed");
        }

        var title = Text.Required(plan.Title, TitleMaxLength, "title", "a title");
        var change = Text.Required(plan.Change, TextMaxLength, "change", "the change you will make");
        var indicator = plan.IndicatorId ?? throw new RuleViolation("indicatorId", "Choose the indicator you expect the step to move");
        var effect = Text.Required(plan.ExpectedEffect, TextMaxLength, "expectedEffect", "the effect you expect, with its direction and rough size");
        var because = Text.Required(plan.Because, TextMaxLength, "because", "why you believe it");
        var owners = plan.Owners.Distinct().ToList();
        if (owners.Count == 0)
        {
            throw new RuleViolation("owners", "Choose at least one owner");
        }

        var start = plan.StartDate ?? throw new RuleViolation("startDate", "Enter the date the step starts");
        var due = plan.DueDate ?? throw new RuleViolation("dueDate", "Enter the date the step is due");
        DateRules.Check(start, "startDate", "The start date");
        DateRules.Check(due, "dueDate", "The due date");
        var overrideReason = plan.BoxOverride is { } allowed ? Text.Required(allowed.Reason, TextMaxLength, "boxOverrideReason", "why this step may run longer") : null;
        TimeBox.Check(start, due, calendar.Holidays, calendar.MaximumWorkingDays, overrideReason is not null);

        Title = title;
        Change = change;
        IndicatorId = indicator;
        ExpectedEffect = effect;
        Because = because;
        _owners.Clear();
        _owners.AddRange(owners);
        StartDate = start;
        DueDate = due;
        BoxOverrideReason = overrideReason;
        BoxOverriddenBy = overrideReason is null ? null : plan.BoxOverride!.By;
    }

    public StepStatus Status { get; private set; }

    public RiskAssessment? Risk { get; private set; }

    public SignOff SignOff { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionReason { get; private set; }

    public bool HasLearning { get; private set; }

    /// <summary>Why the step's risk cannot be assessed now, or null when it can: only before the step starts.</summary>
    public string? WhyNotAssess() =>
        Status is StepStatus.Idea or StepStatus.Ready ? null : "A step that has started is not assessed again";

    /// <summary>
    /// Records the owners' risk assessment and what the gate decided; a new assessment asks the gate again. The gate
    /// cannot be undone from below: once a leader has declined a step, no re-assessment lets it start without a new
    /// decision, however small the risk is now said to be — only a leader's approval lifts a decline.
    /// </summary>
    public GateDecision Assess(RiskAssessment risk, AppetiteLevel appetite, AppetiteScale scale, DateTimeOffset at)
    {
        if (WhyNotAssess() is { } reason)
        {
            throw new RuleViolation("risk", reason);
        }

        var declined = WasDeclined || SignOff == SignOff.Declined;
        Risk = risk;
        var decision = declined ? GateDecision.NeedsSignOff : RiskGate.Decide(risk, appetite, scale);
        SignOff = decision == GateDecision.WithinAppetite ? SignOff.WithinAppetite : SignOff.Waiting;
        WasDeclined = declined;
        DecidedBy = null;
        DecisionReason = null;
        DecidedAt = decision == GateDecision.WithinAppetite ? at : null;
        return decision;
    }

    /// <summary>
    /// A leader declined this step and no leader has approved it since: it waits for a decision whatever its risk.
    /// </summary>
    public bool WasDeclined { get; private set; }

    /// <summary>Why <paramref name="decider"/> cannot decide on this step's risk now, or null when they can.</summary>
    public string? WhyNotDecide(Guid decider)
    {
        if (SignOff != SignOff.Waiting)
        {
            return SignOff == SignOff.WithinAppetite
                ? "This step is within appetite and needs no sign-off"
                : "This step is not waiting for a sign-off";
        }

        return _owners.Contains(decider) ? "You own this step, so someone else must sign it off" : null;
    }

    /// <summary>A leader's or admin's decision on a step above appetite. They may not decide on their own step.</summary>
    public void Decide(Guid decider, bool approve, string? reason, DateTimeOffset at)
    {
        if (WhyNotDecide(decider) is { } why)
        {
            throw new RuleViolation("decision", why);
        }

        DecisionReason = Text.Required(reason, TextMaxLength, "reason", "the reason for your decision");
        DecidedBy = decider;
        DecidedAt = at;
        SignOff = approve ? SignOff.Approved : SignOff.Declined;
        WasDeclined = !approve;
    }

    /// <summary>Afterwards: whether the risk the owners assessed happened, and if so how badly (1–5).</summary>
    public void RecordAftermath(bool materialised, int? impact)
    {
        if (!IsClosed)
        {
            throw new RuleViolation("materialised", "Say whether the risk happened once the step has ended");
        }

        if (Risk is null)
        {
            throw new RuleViolation("materialised", "This step ended without a risk assessment, so there is nothing to compare");
        }

        if (materialised && impact is not (>= 1 and <= 5))
        {
            throw new RuleViolation("impact", "Choose how badly it happened, from 1 (negligible) to 5 (severe)");
        }

        RiskMaterialised = materialised;
        MaterialisedImpact = materialised ? impact : null;
    }

    /// <summary>Records that what was learned has been written up, which a step needs before it can close.</summary>
    public void RecordLearning() => HasLearning = true;

    public static IReadOnlyList<StepStatus> NextStatuses(StepStatus status) => status switch
    {
        StepStatus.Idea => [StepStatus.Ready, StepStatus.Stopped],
        StepStatus.Ready => [StepStatus.Doing, StepStatus.Idea, StepStatus.Stopped],
        StepStatus.Doing => [StepStatus.Done, StepStatus.Stopped],
        _ => [],
    };

    /// <summary>Why the step cannot move to <paramref name="next"/> now, or null when it can.</summary>
    public string? WhyNot(StepStatus next)
    {
        if (!NextStatuses(Status).Contains(next))
        {
            var allowed = NextStatuses(Status);
            return allowed.Count == 0
                ? $"This step is {Status} and can no longer move"
                : $"A step that is {Status} can only move to {string.Join(" or ", allowed)}, not {next}";
        }

        if (next == StepStatus.Doing)
        {
            return SignOff switch
            {
                SignOff.None => "Assess the step's risk before starting it",
                SignOff.Waiting => "This step's risk is above appetite: it is waiting for a leader to sign it off",
                SignOff.Declined => "A leader declined this step's risk; change the step and assess it again",
                _ => null,
            };
        }

        if (next is StepStatus.Done or StepStatus.Stopped && !HasLearning)
        {
            return "Write up what was learned before closing the step";
        }

        return null;
    }

    public void MoveTo(StepStatus next, DateOnly today)
    {
        if (WhyNot(next) is { } reason)
        {
            throw new RuleViolation("status", reason);
        }

        Status = next;
        switch (next)
        {
            case StepStatus.Idea:
                ReadyOn = null;
                break;
            case StepStatus.Ready:
                ReadyOn = today;
                break;
            case StepStatus.Doing:
                StartedOn = today;
                break;
            default:
                FinishedOn = today;
                break;
        }
    }
}

/// <summary>What a step is, as its owners write it: a hypothesis in three parts, who owns it and when it runs.</summary>
public sealed record StepPlan(
    string? Title,
    string? Change,
    Guid? IndicatorId,
    string? ExpectedEffect,
    string? Because,
    IReadOnlyList<Guid> Owners,
    DateOnly? StartDate,
    DateOnly? DueDate,
    BoxOverride? BoxOverride = null);

/// <summary>A leader's permission for a step to run longer than the box, with the reason.</summary>
public sealed record BoxOverride(Guid By, string? Reason);

/// <summary>The organisation's working calendar for steps: the longest a step may be planned for, and its holidays.</summary>
public sealed record StepCalendar(int MaximumWorkingDays, IReadOnlySet<DateOnly> Holidays)
{
    public static readonly StepCalendar Default = new(TimeBox.DefaultMaximumWorkingDays, new HashSet<DateOnly>());
}
