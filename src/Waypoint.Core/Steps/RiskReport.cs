namespace Waypoint.Core.Steps;

/// <summary>One ended step's risk: what its owners expected and what happened.</summary>
public sealed record RiskAftermath(string Category, int Likelihood, int Impact, bool Materialised, int? MaterialisedImpact);

/// <summary>What the figures suggest about a category's appetite.</summary>
public enum AppetiteSignal
{
    /// <summary>Too few ended steps to say.</summary>
    TooFewToSay = 0,

    /// <summary>Risks happened about as often as expected.</summary>
    AsExpected = 1,

    /// <summary>Risks happened much less often than assessed: appetite may be too timid.</summary>
    MayBeTooTimid = 2,

    /// <summary>Risks happened much more often than assessed: appetite may be too bold.</summary>
    MayBeTooBold = 3,
}

/// <summary>A category's expected and actual rate of risks happening.</summary>
public sealed record CategoryRisk(string Category, int Steps, double Expected, double Actual, double? MeanImpactWhenHappened, AppetiteSignal Signal);

/// <summary>
/// Compares what was expected with what happened, per category, so leaders can tune their appetite. A likelihood
/// on the 1–5 scale is read as a chance: 1 rare (5 %), 2 unlikely (20 %), 3 possible (40 %), 4 likely (65 %),
/// 5 almost certain (90 %).
/// </summary>
public static class RiskReport
{
    /// <summary>Fewer ended steps than this in a category and the report does not suggest anything.</summary>
    public const int MinimumSteps = 5;

    /// <summary>How far (in percentage points) actual may stray from expected before the report suggests a change.</summary>
    public const double Margin = 0.15;

    public static double Chance(int likelihood) => likelihood switch
    {
        1 => 0.05,
        2 => 0.20,
        3 => 0.40,
        4 => 0.65,
        5 => 0.90,
        _ => throw new ArgumentOutOfRangeException(nameof(likelihood), "A likelihood is from 1 to 5."),
    };

    public static IReadOnlyList<CategoryRisk> ByCategory(IEnumerable<RiskAftermath> aftermath) =>
        aftermath.GroupBy(a => a.Category, StringComparer.Ordinal)
            .Select(g =>
            {
                var steps = g.Count();
                var expected = g.Average(a => Chance(a.Likelihood));
                var actual = (double)g.Count(a => a.Materialised) / steps;
                var impacts = g.Where(a => a.Materialised && a.MaterialisedImpact is not null).Select(a => (double)a.MaterialisedImpact!.Value).ToList();
                // Judged on the whole percentages the report shows, so the words always agree with the two figures beside them.
                var (shownActual, shownExpected, margin) = (Figures.Percent(actual), Figures.Percent(expected), Figures.Percent(Margin));
                var signal = steps < MinimumSteps ? AppetiteSignal.TooFewToSay
                    : shownActual < shownExpected - margin ? AppetiteSignal.MayBeTooTimid
                    : shownActual > shownExpected + margin ? AppetiteSignal.MayBeTooBold
                    : AppetiteSignal.AsExpected;
                return new CategoryRisk(g.Key, steps, expected, actual, impacts.Count == 0 ? null : impacts.Average(), signal);
            })
            .OrderBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

    /// <summary>Open steps counted by likelihood (rows, 1–5) and impact (columns, 1–5).</summary>
    public static int[,] HeatMap(IEnumerable<(int Likelihood, int Impact)> open)
    {
        var map = new int[5, 5];
        foreach (var (likelihood, impact) in open)
        {
            map[likelihood - 1, impact - 1]++;
        }

        return map;
    }
}
