using System.Globalization;
using System.Text.Json;
using Waypoint.Core;
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

    /// <summary>Decimal places of a mean on the pages (the API gives two).</summary>
    public const int Places = 1;

    /// <summary>A mean on the 1 to 5 scale, to one decimal place, halves away from zero (<see cref="Figures"/>).</summary>
    public static string Score(double? mean) => mean is { } m ? Figures.Text(m, Places) : "–";

    /// <summary>
    /// A band for colour only (the number is the content): below 2.5 weak, from 3.5 strong — judged on the number
    /// as shown, so that a mean shown as 2.5 is never called weak.
    /// </summary>
    public static string Band(double? mean) => mean switch
    {
        null => "no score",
        { } m when Figures.Round(m, Places) < 2.5m => "weak",
        { } m when Figures.Round(m, Places) < 3.5m => "middling",
        _ => "strong",
    };

    public static string BandClass(double? mean) => mean is null ? string.Empty : $"waypoint-mindset--{Band(mean)}";

    /// <summary>
    /// A figure's change since the last campaign, with an arrow and words: the difference of the two means as shown
    /// (3.1 to 3.3 is up 0.2), none when the last campaign did not publish it.
    /// </summary>
    public static string? Change(Cell? cell) => cell?.Change(Places) switch
    {
        null => null,
        > 0m and var up => $"↑ up {Figures.Text(up, Places)}",
        < 0m and var down => $"↓ down {Figures.Text(-down, Places)}",
        _ => "→ no change",
    };

    /// <summary>A live count: the number, or "Fewer than 5" for a group too small to be shown.</summary>
    public static string Count(LiveCount count) =>
        count.Responses is { } n ? n.ToString(CultureInfo.InvariantCulture) : $"Fewer than {count.FewerThan!.Value.ToString(CultureInfo.InvariantCulture)}";

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

    /// <summary>A part of a distribution as a whole percentage, halves away from zero: 1 answer in 8 is 13%.</summary>
    public static string Percent(int count, int total) => Figures.PercentText(count, total);

    /// <summary>The feature means for everyone, for the chart (charts.js, <c>data-waypoint-bars</c>), rounded as in the table beside it.</summary>
    public static string MeansJson(CampaignResults results) => JsonSerializer.Serialize(new
    {
        label = "Mean score, 1 to 5",
        labels = results.Features.Select(f => $"{f.Number}. {f.Name}").ToList(),
        values = results.Features.Select(f => f.Total?.Mean is { } m ? Figures.Round(m, Places) : (decimal?)null).ToList(),
        scale = new { min = 1, max = 5 },
    });

    /// <summary>The chart in words: the strongest and weakest features.</summary>
    public static string MeansSummary(CampaignResults results)
    {
        // Ranked on the means as shown, so that the words agree with the table.
        var scored = results.Features.Where(f => f.Total is not null).OrderBy(f => Figures.Round(f.Total!.Mean, Places)).ToList();
        if (scored.Count == 0)
        {
            return "No feature has a score.";
        }

        var (weakest, strongest) = (scored[0], scored[^1]);
        return $"Strongest: {strongest.Name} ({Score(strongest.Total!.Mean)}). Weakest: {weakest.Name} ({Score(weakest.Total!.Mean)}).";
    }
}
