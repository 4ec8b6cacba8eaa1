using System.Globalization;
using Waypoint.Core;
using Waypoint.Core.Outcomes;

namespace Waypoint.Features.Outcomes;

/// <summary>How outcomes, indicators and their values are put into words on the pages.</summary>
public static class OutcomeWords
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The worst first, as <see cref="ProgressRules.OutcomeStatus"/> ranks them.</summary>
    public static readonly IReadOnlyList<TargetStatus> StatusesBySeverity =
        [TargetStatus.OffTrack, TargetStatus.Overdue, TargetStatus.NoData, TargetStatus.AtRisk, TargetStatus.OnTrack];

    public static string Status(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack => "On track",
        TargetStatus.AtRisk => "At risk",
        TargetStatus.OffTrack => "Off track",
        TargetStatus.NoData => "No data",
        TargetStatus.Overdue => "Overdue",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour for a status. The words are always shown too: colour alone says nothing to some.</summary>
    public static string StatusTagClass(TargetStatus status) => status switch
    {
        TargetStatus.OnTrack => "govuk-tag govuk-tag--green",
        TargetStatus.AtRisk => "govuk-tag govuk-tag--yellow",
        TargetStatus.OffTrack => "govuk-tag govuk-tag--red",
        TargetStatus.Overdue => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string StateTagClass(OutcomeState state) => state switch
    {
        OutcomeState.Draft => "govuk-tag govuk-tag--grey",
        OutcomeState.Agreed => "govuk-tag govuk-tag--teal",
        OutcomeState.Active => "govuk-tag",
        OutcomeState.Achieved => "govuk-tag govuk-tag--green",
        OutcomeState.Missed => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--purple",
    };

    public static string Visibility(Visibility visibility) => visibility switch
    {
        Core.Outcomes.Visibility.Private => "Private: members, leaders and admins only",
        Core.Outcomes.Visibility.Organisation => "Everyone in the organisation",
        Core.Outcomes.Visibility.Public => "Public: published as open data",
        _ => visibility.ToString(),
    };

    public static string Direction(Direction direction) => direction switch
    {
        Core.Outcomes.Direction.Increase => "Should increase",
        Core.Outcomes.Direction.Decrease => "Should decrease",
        Core.Outcomes.Direction.Maintain => "Should stay within a band",
        _ => direction.ToString(),
    };

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.HowMuch => "How much did we do?",
        IndicatorKind.HowWell => "How well did we do it?",
        IndicatorKind.BetterOff => "Is anyone better off?",
        _ => kind.ToString(),
    };

    public static string Cadence(Cadence cadence) => cadence switch
    {
        Core.Outcomes.Cadence.Weekly => "Weekly",
        Core.Outcomes.Cadence.Monthly => "Monthly",
        Core.Outcomes.Cadence.Quarterly => "Quarterly",
        _ => cadence.ToString(),
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>A value as given, to at most six decimal places, halves away from zero (<see cref="Figures"/>).</summary>
    public static string Number(decimal value) => Figures.Round(value, 6).ToString("#,0.######", British);

    /// <summary>A value with its unit: "53.5%", "12 days".</summary>
    public static string Value(decimal value, string unit) =>
        unit is "%" ? $"{Number(value)}%" : $"{Number(value)} {unit}";

    /// <summary>How far a target has come, as a percentage of the way from baseline to target (or, for Maintain, in the band or not).</summary>
    public static string Progress(TargetView view) => view.Progress switch
    {
        null => "No value since the baseline",
        { } p when view.Indicator.Direction == Core.Outcomes.Direction.Maintain => p >= 1m ? "Inside the band" : "Outside the band",
        { } p => $"{Figures.Text(p * 100m, 0)}% of the way",
    };
}
