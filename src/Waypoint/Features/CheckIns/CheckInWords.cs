using System.Globalization;
using Waypoint.Core;
using Waypoint.Core.CheckIns;
using Waypoint.Features.Outcomes;

namespace Waypoint.Features.CheckIns;

/// <summary>How check-ins and calibration scores read on the pages.</summary>
public static class CheckInWords
{
    public static string Percent(int confidence) => $"{confidence.ToString(CultureInfo.InvariantCulture)}%";

    /// <summary>A probability as a whole percentage, halves away from zero (<see cref="Figures"/>): 0.125 is 13%.</summary>
    public static string Percent(double probability) => Figures.PercentText(probability);

    /// <summary>A score to three decimal places, halves away from zero (<see cref="Figures"/>).</summary>
    public static string Score(double score) => Figures.Text(score, 3);

    /// <summary>"1 forecast", "12 forecasts".</summary>
    public static string Forecasts(int count) => count == 1 ? "1 forecast" : $"{count.ToString(CultureInfo.InvariantCulture)} forecasts";

    /// <summary>"1 outcome", "5 outcomes".</summary>
    public static string Outcomes(int count) => count == 1 ? "1 outcome" : $"{count.ToString(CultureInfo.InvariantCulture)} outcomes";

    /// <summary>What a report rests on, as the start of a sentence: "12 forecasts on 2 outcomes have resolved".</summary>
    public static string Resolved(CalibrationResult result) => result.Count == 0
        ? "No forecasts have resolved yet"
        : $"{Forecasts(result.Count)} on {Outcomes(result.Outcomes)} {(result.Count == 1 ? "has" : "have")} resolved";

    /// <summary>How the forecasts in a report were weighed, in words.</summary>
    public static string Weighting(CalibrationWeighting weighting) => weighting switch
    {
        CalibrationWeighting.Pooled => "Every forecast weighs the same (pooled)",
        _ => "Each outcome weighs the same",
    };

    /// <summary>"week of 23 November 2026", to go inside a sentence.</summary>
    public static string Week(DateOnly periodStart) => $"week of {OutcomeWords.Date(periodStart)}";

    /// <summary>
    /// The confidence chart: per week, the mean of the confidences standing for that week (edited ones counted as
    /// edited), with the same numbers as a table.
    /// </summary>
    public static ChartView ConfidenceChart(Guid outcomeId, IReadOnlyList<CheckInView> history)
    {
        var weeks = history
            .Where(v => !v.Superseded)
            .GroupBy(v => v.CheckIn.PeriodStart)
            .OrderBy(g => g.Key)
            .Select(g => (Week: g.Key, Mean: Figures.Round(g.Average(v => v.CheckIn.Confidence), 1), Authors: g.Select(v => v.Author).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();

        var rows = weeks
            .Select(w => new ChartRow(w.Week, w.Mean, null, $"{Count(w.Authors.Count)}: {string.Join(", ", w.Authors)}"))
            .ToList();

        var summary = weeks.Count switch
        {
            0 => "Nobody has checked in on this outcome yet.",
            1 => $"One week of check-ins so far: a confidence of {OutcomeWords.Value(weeks[0].Mean, "%")} in the week of {OutcomeWords.Date(weeks[0].Week)}.",
            _ => $"{weeks.Count} weeks of check-ins from {OutcomeWords.Date(weeks[0].Week)} to {OutcomeWords.Date(weeks[^1].Week)}. " +
                 $"Confidence went from {OutcomeWords.Value(weeks[0].Mean, "%")} to {OutcomeWords.Value(weeks[^1].Mean, "%")}; " +
                 $"the lowest was {OutcomeWords.Value(weeks.Min(w => w.Mean), "%")} and the highest {OutcomeWords.Value(weeks.Max(w => w.Mean), "%")}.",
        };

        return new ChartView(
            $"confidence-{outcomeId:N}",
            "Confidence over time",
            "Confidence that the target is met by its date, each week: the mean of everyone's check-ins that week",
            "%",
            summary,
            [new ChartSeries("Confidence (mean of the week's check-ins)", "values", weeks.Select(w => new ChartPoint(w.Week, w.Mean)).ToList())],
            rows)
        {
            // Confidence is a percentage of certainty: the whole scale, so that a week at 55% does not look like a cliff.
            YMin = 0,
            YMax = 100,
        };
    }

    private static string Count(int people) => people == 1 ? "1 check-in" : $"{people} check-ins";

    /// <summary>The reliability diagram's data for the chart script: each band's mean forecast and observed frequency, in percent.</summary>
    public static string ReliabilityJson(IReadOnlyList<ReliabilityBin> table) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            points = table.Select(b => new { x = Figures.Round(b.MeanForecast * 100, 1), y = Figures.Round(b.ObservedFrequency * 100, 1), count = b.Count, outcomes = b.Outcomes }),
        });
}
