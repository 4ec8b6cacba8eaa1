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
public sealed class Step : ITenantOwned
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

    public Step(Guid id, Guid organisationId, Guid outcomeId, string? title, string? change, Guid? indicatorId, string? expectedEffect, string? because, IEnumerable<Guid> owners)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        OutcomeId = outcomeId;
        Title = Text.Required(title, TitleMaxLength, "title", "a title");
        Change = Text.Required(change, TextMaxLength, "change", "the change you will make");
        IndicatorId = indicatorId ?? throw new RuleViolation("indicatorId", "Choose the indicator you expect the step to move");
        ExpectedEffect = Text.Required(expectedEffect, TextMaxLength, "expectedEffect", "the effect you expect, with its direction and rough size");
        Because = Text.Required(because, TextMaxLength, "because", "why you believe it");
        _owners.AddRange(owners.Distinct());
        if (_owners.Count == 0)
        {
            throw new RuleViolation("owners", "Choose at least one owner");
        }
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public string Title { get; private set; }

    public string Change { get; private set; }

    public Guid IndicatorId { get; private set; }

    public string ExpectedEffect { get; private set; }

    public string Because { get; private set; }

    public IReadOnlyList<Guid> Owners => _owners;

    public StepStatus Status { get; private set; }

    public RiskAssessment? Risk { get; private set; }

    public SignOff SignOff { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionReason { get; private set; }

    public bool HasLearning { get; private set; }

    /// <summary>Records the owners' risk assessment and what the gate decided; a new assessment asks the gate again.</summary>
    public GateDecision Assess(RiskAssessment risk, AppetiteLevel appetite, AppetiteScale scale)
    {
        if (Status is StepStatus.Doing or StepStatus.Done or StepStatus.Stopped)
        {
            throw new RuleViolation("risk", "A step that has started is not assessed again");
        }

        Risk = risk;
        var decision = RiskGate.Decide(risk, appetite, scale);
        SignOff = decision == GateDecision.WithinAppetite ? SignOff.WithinAppetite : SignOff.Waiting;
        DecidedBy = null;
        DecisionReason = null;
        return decision;
    }

    /// <summary>A leader's or admin's decision on a step above appetite. They may not decide on their own step.</summary>
    public void Decide(Guid decider, bool approve, string? reason)
    {
        if (SignOff != SignOff.Waiting)
        {
            throw new RuleViolation("decision", SignOff == SignOff.WithinAppetite
                ? "This step is within appetite and needs no sign-off"
                : "This step is not waiting for a sign-off");
        }

        if (_owners.Contains(decider))
        {
            throw new RuleViolation("decision", "You own this step, so someone else must sign it off");
        }

        DecisionReason = Text.Required(reason, TextMaxLength, "reason", "the reason for your decision");
        DecidedBy = decider;
        SignOff = approve ? SignOff.Approved : SignOff.Declined;
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

        if (next is StepStatus.Done or StepStatus.Stopped && Status != StepStatus.Idea && !HasLearning)
        {
            return "Write up what was learned before closing the step";
        }

        return null;
    }

    public void MoveTo(StepStatus next)
    {
        if (WhyNot(next) is { } reason)
        {
            throw new RuleViolation("status", reason);
        }

        Status = next;
    }
}
