namespace Waypoint.Core.Steps;

/// <summary>How much risk leaders accept in a category, on five levels.</summary>
public enum AppetiteLevel
{
    Averse = 0,
    Minimal = 1,
    Cautious = 2,
    Open = 3,
    Eager = 4,
}

/// <summary>How easily a step's effects can be undone.</summary>
public enum Reversibility
{
    Reversible = 0,
    Costly = 1,
    Irreversible = 2,
}

/// <summary>What the gate decided before a step could start.</summary>
public enum GateDecision
{
    /// <summary>Within appetite: the step goes ahead and the record says so. No one is asked.</summary>
    WithinAppetite = 0,

    /// <summary>Above appetite: a leader or admin who does not own the step must approve or decline it.</summary>
    NeedsSignOff = 1,
}

/// <summary>
/// The highest acceptable score (likelihood × impact) at each appetite level. The defaults are 3, 5, 8, 12 and 16;
/// an organisation may set its own, as long as they never fall as appetite rises.
/// </summary>
public sealed record AppetiteScale(int Averse = 3, int Minimal = 5, int Cautious = 8, int Open = 12, int Eager = 16)
{
    public static readonly AppetiteScale Default = new();

    public int HighestAcceptable(AppetiteLevel level) => level switch
    {
        AppetiteLevel.Averse => Averse,
        AppetiteLevel.Minimal => Minimal,
        AppetiteLevel.Cautious => Cautious,
        AppetiteLevel.Open => Open,
        AppetiteLevel.Eager => Eager,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Checks a scale someone wants to set: each level's score within 1–25 and no lower than the level before.</summary>
    public static AppetiteScale Checked(int averse, int minimal, int cautious, int open, int eager)
    {
        int[] scores = [averse, minimal, cautious, open, eager];
        if (scores.Any(s => s is < 1 or > 25))
        {
            throw new RuleViolation("scale", "Each level's highest acceptable score must be from 1 to 25");
        }

        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] < scores[i - 1])
            {
                throw new RuleViolation("scale", $"{(AppetiteLevel)i} must accept at least as much as {(AppetiteLevel)(i - 1)}");
            }
        }

        return new AppetiteScale(averse, minimal, cautious, open, eager);
    }
}

/// <summary>A step's risk, as its owners assess it before it starts.</summary>
public sealed record RiskAssessment(string Category, int Likelihood, int Impact, Reversibility Reversibility, string? Mitigations)
{
    public int Score => Likelihood * Impact;

    /// <summary>Refuses a likelihood or impact outside 1–5 and an empty category, naming the field.</summary>
    public static RiskAssessment Create(string? category, int? likelihood, int? impact, Reversibility? reversibility, string? mitigations)
    {
        var named = Organisations.Text.Required(category, 100, "category", "a risk category");
        if (likelihood is not (>= 1 and <= 5))
        {
            throw new RuleViolation("likelihood", "Choose a likelihood from 1 (rare) to 5 (almost certain)");
        }

        if (impact is not (>= 1 and <= 5))
        {
            throw new RuleViolation("impact", "Choose an impact from 1 (negligible) to 5 (severe)");
        }

        return new RiskAssessment(named, likelihood.Value, impact.Value,
            reversibility ?? throw new RuleViolation("reversibility", "Choose how easily the step could be undone"),
            Organisations.Text.Optional(mitigations, 2000, "mitigations", "mitigations"));
    }
}

/// <summary>
/// The risk gate: people are trusted to go ahead within the organisation's appetite; only a risk above it needs a
/// named sign-off. An irreversible step is judged one level more strictly.
/// </summary>
public static class RiskGate
{
    public static AppetiteLevel EffectiveLevel(AppetiteLevel appetite, Reversibility reversibility) =>
        reversibility == Reversibility.Irreversible && appetite > AppetiteLevel.Averse ? appetite - 1 : appetite;

    public static GateDecision Decide(RiskAssessment assessment, AppetiteLevel appetite, AppetiteScale scale) =>
        assessment.Score <= scale.HighestAcceptable(EffectiveLevel(appetite, assessment.Reversibility))
            ? GateDecision.WithinAppetite
            : GateDecision.NeedsSignOff;

    /// <summary>The categories UK public bodies commonly use, which an organisation starts with and may change.</summary>
    public static readonly IReadOnlyList<string> DefaultCategories =
    [
        "Strategy", "Governance", "Operations", "Legal", "Property", "Financial", "Commercial",
        "People", "Technology", "Information", "Security", "Project", "Reputational",
    ];
}
