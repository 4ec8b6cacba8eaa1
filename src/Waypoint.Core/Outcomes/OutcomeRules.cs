namespace Waypoint.Core.Outcomes;

/// <summary>
/// What the words about outcomes mean, each defined once and used by entities, queries and pages alike (see
/// <see cref="Condition{T}"/>).
/// </summary>
public static class OutcomeRules
{
    /// <summary>
    /// Open: not yet achieved, missed or retired — a draft, agreed or active outcome. Steps go toward open outcomes
    /// and check-ins may be posted on them.
    /// </summary>
    public static readonly Condition<Outcome> Open = new(o =>
        o.State != OutcomeState.Achieved && o.State != OutcomeState.Missed && o.State != OutcomeState.Retired);

    /// <summary>
    /// Under way: agreed or active. Only these expect a check-in every period (a draft is still being defined), so
    /// only these appear in the lists of check-ins due.
    /// </summary>
    public static readonly Condition<Outcome> UnderWay = new(o => o.State == OutcomeState.Agreed || o.State == OutcomeState.Active);

    /// <summary>Resolved: achieved or missed, so its check-ins' confidences can be scored. Retired outcomes never resolve.</summary>
    public static readonly Condition<Outcome> Resolved = new(o => o.State == OutcomeState.Achieved || o.State == OutcomeState.Missed);

    /// <summary>Every outcome, for viewers who may see private ones.</summary>
    public static readonly Condition<Outcome> Any = new(o => true);

    /// <summary>Outcomes shown to the whole organisation or the public.</summary>
    public static readonly Condition<Outcome> NotPrivate = new(o => o.Visibility != Visibility.Private);
}
