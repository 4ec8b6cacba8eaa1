using System.Globalization;
using System.Text.Json;
using Waypoint.Core.Mindset;

namespace Waypoint.Features.Mindset;

/// <summary>How the mindset pages put states, scores and changes into words.</summary>
public static class MindsetWords
{
    public static string State(CampaignState state) => state switch
    {
        CampaignState.Draft => "Not open yet",
        CampaignState.Open => "Open",
        _ => "Closed",
    };

    public static string StateTag(CampaignState state) => state switch
    {
        CampaignState.Draft => "govuk-tag govuk-tag--grey",
        CampaignState.Open => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--blue",
    };

    /// <summary>A mean on the 1 to 5 scale, to one decimal place.</summary>
    public static string Score(double? mean) => mean is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A band for colour only (the number is the content): below 2.5 weak, from 3.5 strong.</summary>
    public static string Band(double? mean) => mean switch
    {
        null => "no score",
        < 2.5 => "weak",
        < 3.5 => "middling",
        _ => "strong",
    };

    public static string BandClass(double? mean) => mean is null ? string.Empty : $"waypoint-mindset--{Band(mean)}";

    /// <summary>A change in the mean since the last campaign, with an arrow and words; none when it was not published both times.</summary>
    public static string? Change(double? change) => change switch
    {
        null => null,
        >= 0.05 => $"↑ up {change.Value.ToString("0.0", CultureInfo.InvariantCulture)}",
        <= -0.05 => $"↓ down {(-change.Value).ToString("0.0", CultureInfo.InvariantCulture)}",
        _ => "→ no change",
    };

    /// <summary>"A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}",
        };
    }

    public static string HeldBack(IReadOnlyList<string> groups) =>
        $"{List(groups)} {(groups.Count == 1 ? "is" : "are")} not shown: too few people answered to keep their answers anonymous.";

    public static string Percent(int count, int total) =>
        total == 0 ? "0%" : (100.0 * count / total).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The feature means for everyone, for the chart (charts.js, <c>data-waypoint-bars</c>) beside their table.</summary>
    public static string MeansJson(CampaignResults results) => JsonSerializer.Serialize(new
    {
        label = "Mean score, 1 to 5",
        labels = results.Features.Select(f => $"{f.Number}. {f.Name}").ToList(),
        values = results.Features.Select(f => f.Total?.Mean is { } m ? Math.Round(m, 2) : (double?)null).ToList(),
        scale = new { min = 1, max = 5 },
    });

    /// <summary>The chart in words: the strongest and weakest features.</summary>
    public static string MeansSummary(CampaignResults results)
    {
        var scored = results.Features.Where(f => f.Total?.Mean is not null).OrderBy(f => f.Total!.Mean).ToList();
        if (scored.Count == 0)
        {
            return "No feature has a score.";
        }

        var (weakest, strongest) = (scored[0], scored[^1]);
        return $"Strongest: {strongest.Name} ({Score(strongest.Total!.Mean)}). Weakest: {weakest.Name} ({Score(weakest.Total!.Mean)}).";
    }
}
