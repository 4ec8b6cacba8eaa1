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
