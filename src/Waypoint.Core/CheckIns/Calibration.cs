namespace Waypoint.Core.CheckIns;

/// <summary>
/// A confidence given on an outcome, once the outcome has resolved: the probability said, whether it happened, and
/// which outcome it was about. Forecasts about one outcome share its fate, so they are not independent results.
/// </summary>
public readonly record struct Forecast(double Probability, bool Happened, Guid Outcome);

/// <summary>How forecasts are weighed in a score.</summary>
public enum CalibrationWeighting
{
    /// <summary>
    /// Each resolved outcome weighs the same, however many forecasts it had: a forecast weighs 1 / (outcomes ×
    /// forecasts on its outcome). An outcome checked in on every week for two years does not drown out one that
    /// resolved in a month. The default.
    /// </summary>
    PerOutcome = 0,

    /// <summary>Every forecast weighs the same, so outcomes with more check-ins count for more.</summary>
    Pooled = 1,
}

/// <summary>One row of a reliability table: forecasts in a band of probabilities, and how often they came true.</summary>
/// <param name="Count">The forecasts in the band.</param>
/// <param name="Outcomes">The resolved outcomes those forecasts were about.</param>
/// <param name="MeanForecast">The weighted mean of the band's probabilities.</param>
/// <param name="ObservedFrequency">The weighted share of the band's forecasts that came true.</param>
public sealed record ReliabilityBin(int FromPercent, int ToPercent, int Count, int Outcomes, double MeanForecast, double ObservedFrequency);

/// <summary>
/// How well-calibrated a set of forecasts was. The Brier score is the weighted mean squared difference between each
/// probability and what happened (0 is perfect; always saying 50 % scores 0.25). Murphy's decomposition splits it as
/// reliability − resolution + uncertainty: reliability is how far forecasts sat from the frequencies they predicted
/// (lower is better), resolution how much they told outcomes apart (higher is better), and uncertainty how hard the
/// outcomes were to call at all. Every part uses the same weights as the score, so the parts add up to it.
/// </summary>
/// <param name="Count">The resolved forecasts the score rests on.</param>
/// <param name="Outcomes">The resolved outcomes those forecasts were about.</param>
public sealed record CalibrationResult(
    int Count,
    int Outcomes,
    CalibrationWeighting Weighting,
    double Brier,
    double Reliability,
    double Resolution,
    double Uncertainty,
    IReadOnlyList<ReliabilityBin> Table)
{
    /// <summary>Fewer resolved forecasts than this are too few to judge anyone by.</summary>
    public const int MinimumToJudge = 10;

    /// <summary>
    /// Nor fewer resolved outcomes than this: a hundred check-ins on two outcomes are two results, and luck decides a
    /// score made of two.
    /// </summary>
    public const int MinimumOutcomesToJudge = 5;

    public bool CanJudge => Count >= MinimumToJudge && Outcomes >= MinimumOutcomesToJudge;
}

public static class Calibration
{
    public static CalibrationResult Score(IReadOnlyCollection<Forecast> forecasts, CalibrationWeighting weighting = CalibrationWeighting.PerOutcome)
    {
        foreach (var f in forecasts)
        {
            if (double.IsNaN(f.Probability) || f.Probability < 0 || f.Probability > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(forecasts), "A probability is between 0 and 1.");
            }
        }

        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentOutOfRangeException(nameof(weighting));
        }

        if (forecasts.Count == 0)
        {
            return new CalibrationResult(0, 0, weighting, 0, 0, 0, 0, []);
        }

        // Each outcome's forecasts together weigh 1 (per outcome), or each forecast weighs 1 (pooled); every sum
        // below is divided by the total weight, so pooled sums stay whole numbers of forecasts and the weights never
        // need to be fractions that add up to exactly one.
        var perOutcome = forecasts.GroupBy(f => f.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var weighted = forecasts
            .Select(f => (Forecast: f, Weight: weighting == CalibrationWeighting.Pooled ? 1.0 : 1.0 / perOutcome[f.Outcome]))
            .ToList();
        var total = weighted.Sum(w => w.Weight);

        var brier = weighted.Sum(w => w.Weight * Math.Pow(w.Forecast.Probability - Happened(w.Forecast), 2)) / total;
        var baseRate = weighted.Sum(w => w.Weight * Happened(w.Forecast)) / total;

        // The decomposition groups identical probabilities (not bands), so that it adds up to the Brier score exactly.
        double reliability = 0, resolution = 0;
        foreach (var group in weighted.GroupBy(w => w.Forecast.Probability))
        {
            var weight = group.Sum(w => w.Weight);
            var observed = group.Sum(w => w.Weight * Happened(w.Forecast)) / weight;
            reliability += weight * Math.Pow(group.Key - observed, 2);
            resolution += weight * Math.Pow(observed - baseRate, 2);
        }

        return new CalibrationResult(forecasts.Count, perOutcome.Count, weighting, brier, reliability / total, resolution / total,
            baseRate * (1 - baseRate), Table(weighted));
    }

    /// <summary>The reliability table, in bands of ten percentage points (the last band includes 100 %); empty bands are left out.</summary>
    private static List<ReliabilityBin> Table(List<(Forecast Forecast, double Weight)> weighted) =>
        weighted
            .GroupBy(w => Math.Min(9, (int)Math.Floor((w.Forecast.Probability * 10) + 1e-9)))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var weight = g.Sum(w => w.Weight);
                return new ReliabilityBin(
                    g.Key * 10,
                    g.Key == 9 ? 100 : (g.Key * 10) + 9,
                    g.Count(),
                    g.Select(w => w.Forecast.Outcome).Distinct().Count(),
                    g.Sum(w => w.Weight * w.Forecast.Probability) / weight,
                    g.Sum(w => w.Weight * Happened(w.Forecast)) / weight);
            })
            .ToList();

    private static double Happened(Forecast f) => f.Happened ? 1 : 0;
}
