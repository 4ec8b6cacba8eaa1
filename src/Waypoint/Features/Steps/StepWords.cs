using Waypoint.Core.Steps;

namespace Waypoint.Features.Steps;

/// <summary>How the step pages put a step's states into words and tags. Tags always carry words, never colour alone.</summary>
public static class StepWords
{
    public static string StatusTagClass(StepStatus status) => status switch
    {
        StepStatus.Idea => "govuk-tag govuk-tag--grey",
        StepStatus.Ready => "govuk-tag govuk-tag--light-blue",
        StepStatus.Doing => "govuk-tag govuk-tag--blue",
        StepStatus.Done => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--orange",
    };

    /// <summary>Where the step stands at the risk gate, in a few words.</summary>
    public static string Gate(SignOff signOff) => signOff switch
    {
        SignOff.None => "Risk not assessed",
        SignOff.WithinAppetite => "Within appetite",
        SignOff.Waiting => "Waiting for sign-off",
        SignOff.Approved => "Signed off",
        _ => "Declined",
    };

    public static string GateTagClass(SignOff signOff) => signOff switch
    {
        SignOff.None => "govuk-tag govuk-tag--grey",
        SignOff.WithinAppetite => "govuk-tag govuk-tag--green",
        SignOff.Waiting => "govuk-tag govuk-tag--yellow",
        SignOff.Approved => "govuk-tag govuk-tag--turquoise",
        _ => "govuk-tag govuk-tag--red",
    };

    /// <summary>What a move button says.</summary>
    public static string Move(StepStatus next) => next switch
    {
        StepStatus.Idea => "Move back to Idea",
        StepStatus.Done => "Close as Done",
        StepStatus.Stopped => "Stop",
        _ => $"Move to {next}",
    };

    public static string Likelihood(int value) => value switch
    {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        _ => "Almost certain",
    };

    public static string Impact(int value) => value switch
    {
        1 => "Negligible",
        2 => "Minor",
        3 => "Moderate",
        4 => "Major",
        _ => "Severe",
    };

    public static string Reversibility(Reversibility reversibility) => reversibility switch
    {
        Core.Steps.Reversibility.Reversible => "Reversible",
        Core.Steps.Reversibility.Costly => "Costly to undo",
        _ => "Irreversible",
    };

    public static string? ReversibilityHint(Reversibility reversibility) => reversibility switch
    {
        Core.Steps.Reversibility.Reversible => "It can be undone quickly and cheaply",
        Core.Steps.Reversibility.Costly => "It can be undone, but at a cost in time or money",
        _ => "It cannot be undone. An irreversible step is judged one level of appetite more strictly",
    };

    /// <summary>An appetite level with the highest score it accepts, such as "Minimal (accepts a score up to 5)".</summary>
    public static string Appetite(AppetiteLevel level, AppetiteScale scale) =>
        $"{level} (accepts a score up to {scale.HighestAcceptable(level)})";

    public static string People(IEnumerable<StepPerson> people) => string.Join(", ", people.Select(p => p.Name));
}
