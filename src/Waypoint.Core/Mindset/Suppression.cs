namespace Waypoint.Core.Mindset;

/// <summary>The answers of one respondent group (such as "Councillors") to one feature: how many answered, and the sum of their scores.</summary>
public sealed record GroupFigures(string Group, int Respondents, double ScoreSum)
{
    public double Mean => Respondents == 0 ? 0 : ScoreSum / Respondents;
}

/// <summary>What may be shown: the groups whose figures are published, and whether the total across all groups is.</summary>
public sealed record Publishable(IReadOnlyList<GroupFigures> Shown, IReadOnlyList<string> Suppressed, GroupFigures? Total);

/// <summary>
/// Survey anonymity, in one place. A group smaller than the minimum (5 by default) is never shown. Nor may it be
/// worked out by subtraction: when a total is shown, the groups held back must be at least two and together reach
/// the minimum, so more groups are held back, smallest first, until that holds; a total below the minimum is
/// never shown either.
/// </summary>
public static class Suppression
{
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>No organisation may set its minimum lower than this: below 3, one person could learn another's answers.</summary>
    public const int MinimumFloor = 3;

    /// <summary>The minimum actually applied: the organisation's own, but never below <see cref="MinimumFloor"/>.</summary>
    public static int EffectiveMinimum(int configured) => Math.Max(configured, MinimumFloor);

    /// <param name="minimum">The organisation's minimum group size; one below <see cref="MinimumFloor"/> is raised to it.</param>
    public static Publishable Apply(IReadOnlyList<GroupFigures> groups, int minimum, bool withTotal)
    {
        minimum = EffectiveMinimum(minimum);

        // Empty groups reveal nothing and are left out entirely.
        var present = groups.Where(g => g.Respondents > 0).ToList();
        var suppressed = present.Where(g => g.Respondents < minimum).ToList();
        var shown = present.Where(g => g.Respondents >= minimum).OrderBy(g => g.Respondents).ThenBy(g => g.Group, StringComparer.Ordinal).ToList();

        var total = new GroupFigures("All", present.Sum(g => g.Respondents), present.Sum(g => g.ScoreSum));
        var showTotal = withTotal && total.Respondents >= minimum;
        if (showTotal)
        {
            // Total minus the shown groups gives the held-back groups together: that combination must itself be safe.
            while (suppressed.Count > 0 && (suppressed.Count == 1 || suppressed.Sum(g => g.Respondents) < minimum) && shown.Count > 0)
            {
                suppressed.Add(shown[0]);
                shown.RemoveAt(0);
            }

            if (suppressed.Count > 0 && (suppressed.Count == 1 || suppressed.Sum(g => g.Respondents) < minimum))
            {
                showTotal = false;
            }
        }

        return new Publishable(
            shown.OrderBy(g => g.Group, StringComparer.Ordinal).ToList(),
            suppressed.Select(g => g.Group).Order(StringComparer.Ordinal).ToList(),
            showTotal ? total : null);
    }
}
