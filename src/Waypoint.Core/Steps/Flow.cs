namespace Waypoint.Core.Steps;

/// <summary>How work flows: lead times from ready to done, throughput, and how many steps finished inside their box.</summary>
public static class Flow
{
    /// <summary>
    /// A percentile by the nearest-rank method: the smallest value with at least <paramref name="percent"/> % of
    /// values at or below it. Null for no values.
    /// </summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (percent is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), "A percentile is above 0 and at most 100.");
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>Steps finished in each week (weeks starting on Monday), with empty weeks between shown as 0.</summary>
    public static IReadOnlyList<(DateOnly Week, int Done)> ThroughputPerWeek(IEnumerable<DateOnly> finished)
    {
        var weeks = finished.Select(d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7))).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        if (weeks.Count == 0)
        {
            return [];
        }

        var result = new List<(DateOnly, int)>();
        for (var week = weeks.Keys.Min(); week <= weeks.Keys.Max(); week = week.AddDays(7))
        {
            result.Add((week, weeks.GetValueOrDefault(week)));
        }

        return result;
    }
}

/// <summary>The dates flow figures need from one step.</summary>
public sealed record FlowStep(StepStatus Status, DateOnly DueDate, DateOnly? ReadyOn, DateOnly? FinishedOn);

/// <summary>
/// How a team's (or the organisation's) steps flow: lead time from Ready to Done (median and 85th percentile, in
/// days), steps done per week, work in progress now, and the share of done steps that finished inside their box (judged in working days, as steps are planned).
/// </summary>
public sealed record FlowFigures(
    int Done,
    double? LeadTimeMedian,
    double? LeadTime85,
    IReadOnlyList<(DateOnly Week, int Done)> Throughput,
    int WorkInProgress,
    double? ShareInBox)
{
    /// <param name="holidays">The organisation's holidays: whether a step finished inside its box is judged in working days.</param>
    public static FlowFigures Of(IEnumerable<FlowStep> steps, IReadOnlySet<DateOnly> holidays)
    {
        var list = steps.ToList();
        var done = list.Where(s => s.Status == StepStatus.Done && s.FinishedOn is not null).ToList();
        var leadTimes = done.Where(s => s.ReadyOn is not null)
            .Select(s => (double)(s.FinishedOn!.Value.DayNumber - s.ReadyOn!.Value.DayNumber)).ToList();
        return new FlowFigures(
            done.Count,
            Flow.Percentile(leadTimes, 50),
            Flow.Percentile(leadTimes, 85),
            Flow.ThroughputPerWeek(done.Select(s => s.FinishedOn!.Value)),
            list.Count(s => s.Status == StepStatus.Doing),
            done.Count == 0 ? null : (double)done.Count(s => TimeBox.FinishedInBox(s.DueDate, s.FinishedOn!.Value, holidays)) / done.Count);
    }
}
