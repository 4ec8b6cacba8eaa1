using System.Globalization;
using System.Text;
using System.Text.Json;
using Waypoint.Core;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Features.Outcomes;

/// <summary>A point on a chart; a null value breaks the line there.</summary>
public readonly record struct ChartPoint(DateOnly Date, decimal? Value);

/// <summary>
/// One line or set of marks. <see cref="Kind"/> tells the chart script how to draw it: <c>values</c>,
/// <c>trajectory</c>, <c>baseline</c>, <c>target</c>, <c>band</c>, <c>earlier</c> (plans before a re-baseline)
/// or <c>rebaseline</c> (a mark on the day a target moved).
/// </summary>
public sealed record ChartSeries(string Label, string Kind, IReadOnlyList<ChartPoint> Points);

/// <summary>A row of the table that carries the chart's data, for people who cannot see the chart or run its script.</summary>
public sealed record ChartRow(DateOnly Date, decimal Value, string? Expected, string? Note);

/// <summary>
/// A chart as the page carries it: a summary in words (its text alternative), its data as JSON for the chart
/// script, and the same data as a table, which is the chart's content when the script does not run.
/// </summary>
public sealed record ChartView(string Id, string Title, string Caption, string Unit, string Summary, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartRow> Rows)
{
    /// <summary>Where the value axis starts, when it should not fit itself to the values.</summary>
    public decimal? YMin { get; init; }

    /// <summary>Where the value axis ends, when it should not fit itself to the values.</summary>
    public decimal? YMax { get; init; }

    /// <summary>Whether the table has a column for the trajectory's expected value.</summary>
    public bool HasExpected => Rows.Any(r => r.Expected is not null);

    /// <summary>
    /// The data for the script. System.Text.Json escapes &lt; and &gt;, so the text cannot end the script block
    /// it sits in.
    /// </summary>
    public string Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("title", Title);
            json.WriteString("unit", Unit);
            if (YMin is { } min)
            {
                json.WriteNumber("min", min);
            }

            if (YMax is { } max)
            {
                json.WriteNumber("max", max);
            }

            json.WriteStartArray("series");
            foreach (var series in Series)
            {
                json.WriteStartObject();
                json.WriteString("label", series.Label);
                json.WriteString("kind", series.Kind);
                json.WriteStartArray("points");
                foreach (var point in series.Points)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(point.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    if (point.Value is { } value)
                    {
                        json.WriteNumberValue(value);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>A small trend line for a dashboard: the newest values, and the same in words for when it cannot be seen.</summary>
public sealed record Trend(string Words, string Points);

/// <summary>Builds the charts the pages show from an indicator's values and a target's plans.</summary>
public static class Charts
{
    /// <summary>
    /// A target's chart: the indicator's values since the earliest baseline it has had, the trajectory from
    /// baseline to target, the plans it had before each re-baseline, and a mark on each day it moved.
    /// </summary>
    /// <param name="organisation">Whose calendar says on which day a re-baseline happened.</param>
    public static ChartView ForTarget(TargetView view, IReadOnlyList<TargetRevision> revisions, IReadOnlyList<Measurement> values, Organisation organisation)
    {
        var (target, indicator) = (view.Target, view.Indicator);
        var plan = target.PlanFor(indicator.Direction);
        var unit = indicator.Unit;
        var series = new List<ChartSeries>
        {
            new("Measured values", "values", values.Select(m => new ChartPoint(m.Date, m.Value)).ToList()),
            new("Trajectory: where the value should be", "trajectory",
            [
                new(plan.Baseline.Date, ProgressRules.Expected(plan, plan.Baseline.Date)),
                new(plan.Target.Date, plan.Target.Value),
            ]),
            new("Baseline", "baseline", [new(plan.Baseline.Date, plan.Baseline.Value)]),
            new("Target", "target", [new(plan.Target.Date, plan.Target.Value)]),
        };

        if (indicator.Direction == Direction.Maintain && plan.Tolerance > 0)
        {
            series.Add(new("Tolerance band", "band",
            [
                new(plan.Baseline.Date, plan.Target.Value + plan.Tolerance), new(plan.Target.Date, plan.Target.Value + plan.Tolerance), new(plan.Target.Date, null),
                new(plan.Baseline.Date, plan.Target.Value - plan.Tolerance), new(plan.Target.Date, plan.Target.Value - plan.Tolerance),
            ]));
        }

        if (revisions.Count > 0)
        {
            // Each earlier plan as its own stretch of line, broken from the next by a gap.
            series.Add(new("Plans before a re-baseline", "earlier", revisions
                .SelectMany(r => new ChartPoint[]
                {
                    new(r.PreviousBaselineDate, r.PreviousBaselineValue), new(r.PreviousTargetDate, r.PreviousTargetValue), new(r.PreviousTargetDate, null),
                })
                .ToList()));

            // A vertical mark across the chart's whole height on each day the target moved.
            var all = values.Select(m => m.Value)
                .Concat([plan.Baseline.Value, plan.Target.Value])
                .Concat(revisions.SelectMany(r => new[] { r.PreviousBaselineValue, r.PreviousTargetValue }))
                .ToList();
            var (low, high) = (all.Min(), all.Max());
            series.Add(new("Re-baselined", "rebaseline", revisions
                .SelectMany(r =>
                {
                    var day = organisation.DateOf(r.At);
                    return new ChartPoint[] { new(day, low), new(day, high), new(day, null) };
                })
                .ToList()));
        }

        var rows = values
            .Select(m => new ChartRow(m.Date, m.Value,
                m.Date < plan.Baseline.Date ? "Before the baseline" : OutcomeWords.Value(Figures.Round(ProgressRules.Expected(plan, m.Date), 2), unit),
                m.Note))
            .ToList();

        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"{indicator.Name}: from a baseline of {OutcomeWords.Value(plan.Baseline.Value, unit)} on {OutcomeWords.Date(plan.Baseline.Date)} ");
        summary.Append(indicator.Direction == Direction.Maintain
            ? $"to stay within {OutcomeWords.Value(plan.Tolerance, unit)} of {OutcomeWords.Value(plan.Target.Value, unit)} until {OutcomeWords.Date(plan.Target.Date)}. "
            : $"to a target of {OutcomeWords.Value(plan.Target.Value, unit)} by {OutcomeWords.Date(plan.Target.Date)}. ");
        summary.Append(Span(values, unit));
        if (values.Count > 0)
        {
            var last = values[^1];
            summary.Append(CultureInfo.InvariantCulture, $" The trajectory expected {OutcomeWords.Value(Figures.Round(ProgressRules.Expected(plan, last.Date), 2), unit)} on {OutcomeWords.Date(last.Date)}. Status: {OutcomeWords.Status(view.Status)}.");
        }

        if (revisions.Count > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $" The target has been moved {Times(revisions.Count)}; earlier plans are drawn as dashed lines.");
        }

        return new ChartView($"target-{target.Id:N}", $"{indicator.Name} against its target", $"Values of {indicator.Name} and where the trajectory expected them", unit, summary.ToString(), series, rows);
    }

    /// <summary>An indicator's chart: its values over time, corrections applied.</summary>
    public static ChartView ForIndicator(Indicator indicator, IReadOnlyList<Measurement> values) => new(
        $"indicator-{indicator.Id:N}",
        $"{indicator.Name} over time",
        $"Values of {indicator.Name}, corrections applied",
        indicator.Unit,
        $"{indicator.Name}: {Span(values, indicator.Unit)}",
        [new("Measured values", "values", values.Select(m => new ChartPoint(m.Date, m.Value)).ToList())],
        values.Select(m => new ChartRow(m.Date, m.Value, null, m.Note)).ToList());

    /// <summary>The newest values of an indicator as a small line, with the same in words.</summary>
    public static Trend ForDashboard(IReadOnlyList<Measurement> values, string unit)
    {
        var points = new ChartView(string.Empty, string.Empty, string.Empty, unit, string.Empty,
            [new("values", "values", values.Select(m => new ChartPoint(m.Date, m.Value)).ToList())], []).Json();
        if (values.Count < 2)
        {
            return new Trend(values.Count == 0 ? "No values yet" : "One value so far", points);
        }

        var (first, last) = (values[0], values[^1]);
        var way = last.Value > first.Value ? "Up" : last.Value < first.Value ? "Down" : "Level";
        return new Trend($"{way} from {OutcomeWords.Value(first.Value, unit)} in {first.Date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} " +
                         $"to {OutcomeWords.Value(last.Value, unit)} in {last.Date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", points);
    }

    private static string Span(IReadOnlyList<Measurement> values, string unit)
    {
        if (values.Count == 0)
        {
            return "No values have been recorded.";
        }

        var (first, last) = (values[0], values[^1]);
        var (low, high) = (values.MinBy(m => m.Value)!, values.MaxBy(m => m.Value)!);
        return values.Count == 1
            ? $"One value has been recorded: {OutcomeWords.Value(first.Value, unit)} on {OutcomeWords.Date(first.Date)}."
            : $"{values.Count} values from {OutcomeWords.Date(first.Date)} to {OutcomeWords.Date(last.Date)}, " +
              $"going from {OutcomeWords.Value(first.Value, unit)} to {OutcomeWords.Value(last.Value, unit)}; " +
              $"the lowest was {OutcomeWords.Value(low.Value, unit)} on {OutcomeWords.Date(low.Date)} and the highest {OutcomeWords.Value(high.Value, unit)} on {OutcomeWords.Date(high.Date)}.";
    }

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };
}
