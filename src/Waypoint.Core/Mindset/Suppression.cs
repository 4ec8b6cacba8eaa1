namespace Waypoint.Core.Mindset;

/// <summary>
/// How many people of one respondent group (such as "Councillors") stand behind each of a campaign's figures:
/// everyone who responded, and per feature (in the framework's order) those who gave at least one answer on the
/// scale — "don't know" tells nothing about a feature, so a figure rests only on the people who gave it a score.
/// </summary>
public sealed record GroupCounts(string Group, int Respondents, IReadOnlyList<int> Answered, int AnsweredOverall);

/// <summary>
/// Which figures of a campaign may be shown: per feature (in the framework's order) the groups whose figure is
/// published and whether the figure for everyone is; the same for the overall score. <see cref="Named"/> groups
/// have at least one published figure; <see cref="HeldBack"/> groups (who answered) have none.
/// </summary>
public sealed record Cut(
    IReadOnlyList<IReadOnlySet<string>> Shown,
    IReadOnlyList<bool> Totals,
    IReadOnlySet<string> OverallShown,
    bool OverallTotal,
    IReadOnlyList<string> Named,
    IReadOnlyList<string> HeldBack);

/// <summary>
/// Survey anonymity, in one place. The figures form a table: a row per feature, a column per group, each row's
/// figure for everyone as a row total, each group's overall score as a column total, and the overall score for
/// everyone as the grand total. The distributions add up exactly along rows and columns (the means nearly do),
/// so what is held back must stay hidden from every sum and difference of what is shown:
/// <list type="number">
/// <item>A group's figure for a feature is shown only when at least the minimum number of its people gave that
/// feature an answer on the scale ("don't know" does not count).</item>
/// <item>A feature's figure for everyone, minus the groups shown for it, gives the held-back groups together: so
/// those must be none, or at least two groups whose answers on the scale come from at least the minimum number
/// of people. Otherwise more groups are held back for that feature, the fewest answers first; if none is left
/// to hold back, the feature's figure for everyone is held back instead.</item>
/// <item>A group's overall score is shown only when all its feature figures are (its distribution is the sum of
/// theirs, so it would give a held-back one away).</item>
/// <item>The overall score for everyone is shown only when every feature's figure for everyone is (it would
/// give a held-back one away) and it rests on at least the minimum.</item>
/// <item>Every shown figure tells its group's size, so the groups with nothing shown must be none, or at least
/// two whose sizes add up to the minimum: else the total minus the others would count a small group. Otherwise
/// the smallest group still shown is held back entirely, and everything is decided again.</item>
/// </list>
/// Each step only holds more back, so the decision ends, and at its end every rule holds.
/// </summary>
public static class Suppression
{
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>No organisation may set its minimum lower than this: below 3, one person could learn another's answers.</summary>
    public const int MinimumFloor = 3;

    /// <summary>The minimum actually applied: the organisation's own, but never below <see cref="MinimumFloor"/>.</summary>
    public static int EffectiveMinimum(int configured) => Math.Max(configured, MinimumFloor);

    /// <param name="groups">Every group of the campaign; groups no one answered in reveal nothing and are left out.</param>
    /// <param name="features">How many features the framework has: the length of each group's <see cref="GroupCounts.Answered"/>.</param>
    /// <param name="minimum">The minimum group size; one below <see cref="MinimumFloor"/> is raised to it.</param>
    public static Cut Decide(IReadOnlyList<GroupCounts> groups, int features, int minimum)
    {
        minimum = EffectiveMinimum(minimum);
        if (groups.Any(g => g.Answered.Count != features))
        {
            throw new ArgumentException("Each group needs a count of answers for every feature.", nameof(groups));
        }

        var present = groups.Where(g => g.Respondents > 0).ToList();
        var shown = Enumerable.Range(0, features)
            .Select(f => present.Where(g => g.Answered[f] >= minimum).Select(g => g.Group).ToHashSet(StringComparer.Ordinal))
            .ToList();
        var totals = new bool[features];
        bool overallTotal;
        HashSet<string> overallShown;
        List<GroupCounts> heldBack;

        while (true)
        {
            for (var f = 0; f < features; f++)
            {
                totals[f] = ProtectRow(present, shown[f], f, minimum);
            }

            overallShown = present.Where(g => g.AnsweredOverall >= minimum && shown.All(s => s.Contains(g.Group))).Select(g => g.Group).ToHashSet(StringComparer.Ordinal);
            overallTotal = totals.All(t => t) && present.Sum(g => g.AnsweredOverall) >= minimum;

            heldBack = present.Where(g => shown.All(s => !s.Contains(g.Group))).ToList();
            var anyTotal = overallTotal || totals.Any(t => t);
            if (!anyTotal || heldBack.Count == 0 || (heldBack.Count >= 2 && heldBack.Sum(g => g.Respondents) >= minimum))
            {
                break;
            }

            // The groups held back entirely could be counted by subtraction: hold back the smallest group still shown, everywhere.
            var next = present.Where(g => !heldBack.Contains(g)).OrderBy(g => g.Respondents).ThenBy(g => g.Group, StringComparer.Ordinal).First();
            foreach (var row in shown)
            {
                row.Remove(next.Group);
            }
        }

        return new Cut(
            shown,
            totals,
            overallShown,
            overallTotal,
            present.Where(g => !heldBack.Contains(g)).Select(g => g.Group).Order(StringComparer.Ordinal).ToList(),
            heldBack.Select(g => g.Group).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Holds back more of a feature's row until the row's total minus what is shown isolates no one; false when the total itself must go.</summary>
    private static bool ProtectRow(List<GroupCounts> present, HashSet<string> shown, int feature, int minimum)
    {
        while (true)
        {
            var held = present.Where(g => !shown.Contains(g.Group)).ToList();
            if (held.Count == 0 || (held.Count >= 2 && held.Sum(g => g.Answered[feature]) >= minimum))
            {
                return present.Sum(g => g.Answered[feature]) >= minimum;
            }

            var smallest = present.Where(g => shown.Contains(g.Group)).OrderBy(g => g.Answered[feature]).ThenBy(g => g.Group, StringComparer.Ordinal).FirstOrDefault();
            if (smallest is null)
            {
                // Nothing is shown in this row, and the total would be the held-back groups' figure: hold it back.
                return false;
            }

            shown.Remove(smallest.Group);
        }
    }
}
