namespace Waypoint.Core.CheckIns;

/// <summary>A confidence given on an outcome, once the outcome has resolved: the probability said, and whether it happened.</summary>
public readonly record struct Forecast(double Probability, bool Happened);

/// <summary>One row of a reliability table: forecasts in a band of probabilities, and how often they came true.</summary>
public sealed record ReliabilityBin(int FromPercent, int ToPercent, int Count, double MeanForecast, double ObservedFrequency);

/// <summary>
/// How well-calibrated a set of forecasts was. The Brier score is the mean squared difference between each
/// probability and what happened (0 is perfect; always saying 50 % scores 0.25). Murphy's decomposition splits it
/// as reliability − resolution + uncertainty: reliability is how far forecasts sat from the frequencies they
/// predicted (lower is better), resolution how much they told outcomes apart (higher is better), and uncertainty
/// how hard the outcomes were to call at all.
/// </summary>
public sealed record CalibrationResult(
    int Count,
    double Brier,
    double Reliability,
    double Resolution,
    double Uncertainty,
    IReadOnlyList<ReliabilityBin> Table)
{
    /// <summary>Fewer resolved forecasts than this are too few to judge anyone by.</summary>
    public const int MinimumToJudge = 10;

    public bool CanJudge => Count >= MinimumToJudge;
}

public static class Calibration
{
    public static CalibrationResult Score(IReadOnlyCollection<Forecast> forecasts)
    {
        foreach (var f in forecasts)
        {
            if (double.IsNaN(f.Probability) || f.Probability < 0 || f.Probability > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(forecasts), "A probability is between 0 and 1.");
            }
        }

        if (forecasts.Count == 0)
        {
            return new CalibrationResult(0, 0, 0, 0, 0, []);
        }

        double n = forecasts.Count;
        var brier = forecasts.Sum(f => Math.Pow(f.Probability - Outcome(f), 2)) / n;
        var baseRate = forecasts.Sum(Outcome) / n;

        // The decomposition groups identical probabilities, so that it adds up to the Brier score exactly.
        double reliability = 0, resolution = 0;
        foreach (var group in forecasts.GroupBy(f => f.Probability))
        {
            var count = group.Count();
            var observed = group.Sum(Outcome) / count;
            reliability += count * Math.Pow(group.Key - observed, 2);
            resolution += count * Math.Pow(observed - baseRate, 2);
        }

        return new CalibrationResult(forecasts.Count, brier, reliability / n, resolution / n, baseRate * (1 - baseRate), Table(forecasts));
    }

    /// <summary>The reliability table, in bands of ten percentage points (the last band includes 100 %); empty bands are left out.</summary>
    private static List<ReliabilityBin> Table(IReadOnlyCollection<Forecast> forecasts) =>
        forecasts
            .GroupBy(f => Math.Min(9, (int)Math.Floor(f.Probability * 10 + 1e-9)))
            .OrderBy(g => g.Key)
            .Select(g => new ReliabilityBin(g.Key * 10, g.Key == 9 ? 100 : (g.Key * 10) + 9, g.Count(), g.Average(f => f.Probability), g.Average(Outcome)))
            .ToList();

    private static double Outcome(Forecast f) => f.Happened ? 1 : 0;
}
