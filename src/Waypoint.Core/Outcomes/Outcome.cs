using Waypoint.Core.Organisations;

namespace Waypoint.Core.Outcomes;

/// <summary>Where an outcome is in its life.</summary>
public enum OutcomeState
{
    Draft = 0,
    Agreed = 1,
    Active = 2,
    Achieved = 3,
    Missed = 4,
    Retired = 5,
}

/// <summary>Who may see an outcome.</summary>
public enum Visibility
{
    /// <summary>Its team, leaders and admins.</summary>
    Private = 0,

    /// <summary>Everyone in the organisation.</summary>
    Organisation = 1,

    /// <summary>Published as open data too.</summary>
    Public = 2,
}

/// <summary>
/// A clearly defined end-goal: the user need it serves, what "done" means, by when, and which team owns it.
/// Its progress is measured through the targets it sets on lasting indicators.
/// </summary>
public sealed class Outcome : ITenantOwned, IVersionedRecord
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    private Outcome()
    {
        Title = string.Empty;
        UserNeed = string.Empty;
        DoneMeans = string.Empty;
    }

    public Outcome(Guid id, Guid organisationId, Guid teamId, string? title, string? userNeed, string? doneMeans, DateOnly targetDate, Guid? serviceId, Visibility visibility, DateTimeOffset createdAt)
        : this()
    {
        Id = id;
        OrganisationId = organisationId;
        CreatedAt = createdAt;
        Define(teamId, title, userNeed, doneMeans, targetDate, serviceId, visibility);
    }

    public Guid Id { get; private set; }

    /// <summary>How many times the record has changed: a change is saved only if it was made to the current revision.</summary>
    public int Revision { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid? ServiceId { get; private set; }

    /// <summary>The outcome this one contributes to, in the alignment tree.</summary>
    public Guid? ParentId { get; private set; }

    public string Title { get; private set; }

    public string UserNeed { get; private set; }

    public string DoneMeans { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public OutcomeState State { get; private set; }

    public Visibility Visibility { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not yet achieved, missed or retired (<see cref="OutcomeRules.Open"/>).</summary>
    public bool IsOpen => OutcomeRules.Open.Holds(this);

    /// <summary>Agreed or active, so check-ins are expected each period (<see cref="OutcomeRules.UnderWay"/>).</summary>
    public bool IsUnderWay => OutcomeRules.UnderWay.Holds(this);

    /// <summary>The mindset campaign whose results led to this outcome, if one did.</summary>
    public Guid? SourceCampaignId { get; private set; }

    /// <summary>The number of the feature, in that campaign's framework, that this outcome sets out to strengthen.</summary>
    public int? SourceFeatureNumber { get; private set; }

    /// <summary>Records that a weak feature in a campaign's results is why this outcome exists.</summary>
    public void ComesFrom(Guid campaignId, int featureNumber)
    {
        if (campaignId == Guid.Empty || featureNumber < 1)
        {
            throw new RuleViolation("featureNumber", "Choose the feature of the campaign's results that this outcome responds to");
        }

        SourceCampaignId = campaignId;
        SourceFeatureNumber = featureNumber;
    }

    public void Define(Guid teamId, string? title, string? userNeed, string? doneMeans, DateOnly targetDate, Guid? serviceId, Visibility visibility)
    {
        if (teamId == Guid.Empty)
        {
            throw new RuleViolation("teamId", "Choose the team that owns this outcome");
        }

        DateRules.Check(targetDate, "targetDate", "The target date");
        TeamId = teamId;
        Title = Text.Required(title, TitleMaxLength, "title", "a title");
        UserNeed = Text.Required(userNeed, TextMaxLength, "userNeed", "a user need");
        DoneMeans = Text.Required(doneMeans, TextMaxLength, "doneMeans", "what done means");
        TargetDate = targetDate;
        ServiceId = serviceId;
        Visibility = visibility;
    }

    /// <summary>The states each state may move to. Achieved, Missed and Retired are final.</summary>
    public static IReadOnlyList<OutcomeState> NextStates(OutcomeState state) => state switch
    {
        OutcomeState.Draft => [OutcomeState.Agreed, OutcomeState.Retired],
        OutcomeState.Agreed => [OutcomeState.Active, OutcomeState.Draft, OutcomeState.Retired],
        OutcomeState.Active => [OutcomeState.Achieved, OutcomeState.Missed, OutcomeState.Retired],
        _ => [],
    };

    /// <summary>
    /// Moves the outcome to another state and returns the record of the change, which keeps who moved it, when, and
    /// why. Marking it achieved while any of its targets is off track needs a reason: <paramref name="targets"/> are
    /// how its targets stand on the organisation's today, by the same rules as the dashboard
    /// (<see cref="ProgressRules"/>). A reason may be given for any move, and is kept.
    /// </summary>
    public OutcomeStateChange MoveTo(OutcomeState next, IReadOnlyCollection<TargetStanding> targets, string? reason, Guid by, DateTimeOffset at)
    {
        if (!NextStates(State).Contains(next))
        {
            var allowed = NextStates(State);
            throw new RuleViolation("state", allowed.Count == 0
                ? $"This outcome is {State} and can no longer change state"
                : $"An outcome that is {State} can only become {string.Join(" or ", allowed)}, not {next}");
        }

        var offTrack = ReasonNeededFor(next, targets);
        if (offTrack.Count > 0 && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolation("reason", $"Enter why this outcome is achieved while {TargetsOffTrack(offTrack)}");
        }

        var why = Text.Optional(reason, ReasonMaxLength, "reason", "the reason");
        var change = new OutcomeStateChange(Guid.NewGuid(), OrganisationId, Id, State, next, at, by, why, offTrack);
        State = next;
        return change;
    }

    /// <summary>
    /// The targets that make a move need a reason, by name: for a move to Achieved, those off track; for any other
    /// move, none. Off track alone counts: at risk is close to the line, and missing or late data says nothing
    /// either way about whether the goal was met.
    /// </summary>
    public static IReadOnlyList<string> ReasonNeededFor(OutcomeState next, IEnumerable<TargetStanding> targets) =>
        next == OutcomeState.Achieved
            ? targets.Where(t => t.Status == TargetStatus.OffTrack).Select(t => t.Name).ToList()
            : [];

    /// <summary>"its target for X is off track", "its targets for X and Y are off track".</summary>
    public static string TargetsOffTrack(IReadOnlyList<string> names) => names.Count == 1
        ? $"its target for {names[0]} is off track"
        : $"its targets for {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} are off track";

    /// <summary>
    /// Places the outcome under another in the alignment tree. <paramref name="parentOf"/> tells each outcome's
    /// parent; a parent that is this outcome or one of its descendants would make a cycle and is refused.
    /// </summary>
    public void AlignUnder(Guid? parentId, Func<Guid, Guid?> parentOf)
    {
        var seen = new HashSet<Guid>();
        for (var current = parentId; current is { } id && seen.Add(id); current = parentOf(id))
        {
            if (id == Id)
            {
                throw new RuleViolation("parentId", "An outcome cannot contribute to itself or to one of the outcomes that contribute to it");
            }
        }

        ParentId = parentId;
    }
}

/// <summary>How one of an outcome's targets stands today, named by its indicator: what a move of state is judged against.</summary>
public readonly record struct TargetStanding(string Name, TargetStatus Status);

/// <summary>
/// One change of an outcome's state: from what, to what, when, by whom, and why. Kept for every change, so the
/// outcome's history stays; a reason is needed to mark an outcome achieved while a target is off track, and the
/// targets that were off track then are kept beside it, since their statuses move on.
/// </summary>
public sealed class OutcomeStateChange : ITenantOwned
{
    private OutcomeStateChange()
    {
        OffTrackTargets = [];
    }

    internal OutcomeStateChange(Guid id, Guid organisationId, Guid outcomeId, OutcomeState from, OutcomeState to, DateTimeOffset at, Guid byId, string? reason, IEnumerable<string> offTrackTargets)
    {
        Id = id;
        OrganisationId = organisationId;
        OutcomeId = outcomeId;
        From = from;
        To = to;
        At = at;
        ById = byId;
        Reason = reason;
        OffTrackTargets = [.. offTrackTargets];
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public OutcomeState From { get; private set; }

    public OutcomeState To { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The person who moved the outcome.</summary>
    public Guid ById { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The names of the targets that were off track when the outcome was marked achieved; empty otherwise.</summary>
    public List<string> OffTrackTargets { get; private set; }
}
