using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

/// <summary>
/// The results of a campaign, and attempts to break their anonymity: every subtraction of published figures, within a
/// campaign and across two, must leave either nothing or at least the minimum number of people.
/// </summary>
public sealed class ResultsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly Framework Small = new(Guid.NewGuid(), Guid.NewGuid(), "Small", 1,
        [new FeatureDraft("Trust", null, ["a", "b"]), new FeatureDraft("Risk", null, ["c", "d", "e"]), new FeatureDraft("Open data", null, ["f"])], Now);

    private static Respondent Person(string group, Framework framework, Func<int, int, Agreement> answer, params (int Feature, string Text)[] comments) =>
        new(group,
            framework.Features.SelectMany(f => f.Statements.Select(s => new Answer(f.Number, s.Number, answer(f.Number, s.Number)))).ToList(),
            comments.Select(c => new FeatureComment(c.Feature, c.Text)).ToList());

    [Fact]
    public void Means_leave_out_dont_know_and_distributions_count_it()
    {
        var people = new[]
        {
            Person("Staff", Small, (f, s) => f == 1 ? Agreement.StronglyAgree : Agreement.Agree),
            Person("Staff", Small, (f, s) => f == 1 && s == 1 ? Agreement.DontKnow : Agreement.Disagree),
            Person("Staff", Small, (_, _) => Agreement.DontKnow),
        };
        var results = MindsetResults.Calculate(Small, ["Staff"], people, 3, null);
        var trust = results.Feature(1)!.For("Staff")!;
        // Person one scores 5, person two 2 (their only answer on the scale), person three has no score.
        Assert.Equal(3.5, trust.Mean);
        Assert.Equal(3, trust.Respondents);
        Assert.Equal(new Distribution(0, 1, 0, 0, 2, 3), trust.Distribution);
        Assert.Null(results.Feature(1)!.Total!.Change);
    }

    [Fact]
    public void Three_councillors_are_held_back_with_the_next_smallest_group_and_their_comments_lose_their_group()
    {
        var people = Enumerable.Repeat("Frontline staff", 40).Concat(Enumerable.Repeat("Digital and IT", 12)).Concat(Enumerable.Repeat("Councillors", 3))
            .Select((g, i) => Person(g, Small, (_, _) => g == "Councillors" ? Agreement.StronglyDisagree : Agreement.Agree, (2, $"Comment {i:00} from {g.Length}")))
            .ToList();
        var results = MindsetResults.Calculate(Small, ["Frontline staff", "Digital and IT", "Councillors", "Partners"], people, 5, null);

        Assert.Equal(["Councillors", "Digital and IT"], results.Suppressed);
        Assert.Equal(["Partners"], results.NoResponses);
        Assert.Equal(["Frontline staff"], results.Features.SelectMany(f => f.Groups).Select(g => g.Group).Distinct());
        Assert.Equal(55, results.Overall!.Respondents);
        var comments = results.Feature(2)!.Comments;
        Assert.Equal(55, comments.Count);
        Assert.All(comments.Where(c => c.Group is not null), c => Assert.Equal("Frontline staff", c.Group));
        Assert.Equal(comments.OrderBy(c => c.Text, StringComparer.Ordinal), comments);
    }

    [Fact]
    public void Rows_for_a_dataset_hold_only_published_figures()
    {
        var people = Enumerable.Repeat("Staff", 6).Concat(Enumerable.Repeat("Managers", 5)).Concat(Enumerable.Repeat("Councillors", 2))
            .Select(g => Person(g, Small, (_, _) => Agreement.Agree)).ToList();
        var results = MindsetResults.Calculate(Small, ["Staff", "Managers", "Councillors"], people, 5, null);
        var rows = MindsetResults.Rows(results);
        // Councillors (2) are held back with Managers (5), so each feature and the overall score give Staff and All.
        Assert.Equal(4 * 2, rows.Count);
        Assert.Equal(["All", "Staff"], rows.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 3, null], rows.Select(r => r.FeatureNumber).Distinct());
        Assert.All(rows, r => Assert.True(r.Respondents >= 5));
    }

    [Fact]
    public void A_minimum_below_three_is_raised_to_three()
    {
        var people = new[] { Person("A", Small, (_, _) => Agreement.Agree), Person("A", Small, (_, _) => Agreement.Agree) };
        var results = MindsetResults.Calculate(Small, ["A"], people, 1, null);
        Assert.Equal(3, results.Minimum);
        Assert.Empty(results.Shown);
        Assert.Null(results.Overall);
        Assert.All(results.Features, f => Assert.Empty(f.Comments));
    }

    [Fact]
    public void A_change_is_shown_only_when_the_last_campaign_showed_the_same_figure()
    {
        var before = MindsetResults.Calculate(Small, ["A", "B"],
            Enumerable.Range(0, 6).Select(_ => Person("A", Small, (_, _) => Agreement.Disagree))
                .Concat(Enumerable.Range(0, 4).Select(_ => Person("B", Small, (_, _) => Agreement.Disagree))).ToList(), 5, null);
        var now = MindsetResults.Calculate(Small, ["A", "B"],
            Enumerable.Range(0, 6).Select(_ => Person("A", Small, (_, _) => Agreement.Agree))
                .Concat(Enumerable.Range(0, 7).Select(_ => Person("B", Small, (_, _) => Agreement.Agree))).ToList(), 5, before);

        // Last time B had four people and was held back (and A with it, to protect the total).
        Assert.Empty(before.Shown);
        Assert.Null(now.Feature(1)!.For("A")!.Change);
        Assert.Null(now.Feature(1)!.For("B")!.Change);
        Assert.Equal(2.0, now.Feature(1)!.Total!.Change);
        Assert.Equal(2.0, now.Overall!.Change);
    }

    private sealed record Case(int Minimum, int[] Sizes, int[] SizesBefore, int Seed);

    private static Arbitrary<Case> Cases() =>
        Gen.Zip(Gen.Zip(Gen.Choose(1, 8), Gen.Choose(0, 12).ArrayOf()), Gen.Zip(Gen.Choose(0, 12).ArrayOf(), Gen.Choose(0, int.MaxValue - 1)))
            .Select(t => new Case(t.Item1.Item1, t.Item1.Item2.Take(6).ToArray(), t.Item2.Item1.Take(6).ToArray(), t.Item2.Item2))
            .ToArbitrary();

    private static List<Respondent> Responses(int[] sizes, Random random) =>
        sizes.SelectMany((n, g) => Enumerable.Range(0, n).Select(_ =>
                Person($"Group {g}", Small, (_, _) => (Agreement)random.Next(0, 6), (random.Next(1, 4), $"Words {random.Next()}"))))
            .ToList();

    private static List<string> Names(Case c) => Enumerable.Range(0, Math.Max(c.Sizes.Length, c.SizesBefore.Length)).Select(g => $"Group {g}").ToList();

    /// <summary>Every published cell of a result: per feature and overall, as (figure name, group or null for all, cell).</summary>
    private static IEnumerable<(Func<Answer, bool> Counts, IReadOnlyList<GroupCell> Groups, Cell? Total)> Figures(CampaignResults results) =>
        results.Features.Select(f => ((Func<Answer, bool>)(a => a.FeatureNumber == f.Number), f.Groups, f.Total))
            .Append((_ => true, results.OverallGroups, results.Overall));

    [Property]
    public Property No_subtraction_of_published_figures_isolates_fewer_than_the_minimum() =>
        Prop.ForAll(Cases(), c =>
        {
            var people = Responses(c.Sizes, new Random(c.Seed));
            var results = MindsetResults.Calculate(Small, Names(c), people, c.Minimum, null);
            var minimum = Math.Max(3, c.Minimum);
            var present = people.Select(p => p.Group).Distinct().ToList();

            foreach (var (counts, groups, total) in Figures(results))
            {
                if (groups.Any(g => g.Cell.Respondents < minimum) || total is { Respondents: var n } && n < minimum)
                {
                    return false;
                }

                if (total is null)
                {
                    continue;
                }

                // Try every subset of the groups shown: the total minus them is the rest of the groups together.
                for (var mask = 0; mask < 1 << groups.Count; mask++)
                {
                    var taken = groups.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                    var remainder = total.Respondents - taken.Sum(g => g.Cell.Respondents);
                    var distribution = taken.Aggregate(total.Distribution, (d, g) => d.Minus(g.Cell.Distribution));
                    var rest = present.Except(taken.Select(g => g.Group)).ToList();
                    var truth = people.Where(p => rest.Contains(p.Group)).ToList();
                    // The attacker's arithmetic is right (so this check means something) ...
                    if (remainder != truth.Count || distribution.Answers != truth.Sum(p => p.Answers.Count(counts)))
                    {
                        return false;
                    }

                    // ... and what it isolates is nobody, or at least the minimum number of people.
                    if (remainder is > 0 && remainder < minimum)
                    {
                        return false;
                    }
                }
            }

            var labels = results.Features.SelectMany(f => f.Comments).Select(m => m.Group).OfType<string>();
            return results.Suppressed.All(s => !results.Shown.Contains(s)) && labels.All(results.Shown.Contains);
        });

    [Property]
    public Property A_change_since_the_last_campaign_rests_only_on_figures_both_campaigns_published() =>
        Prop.ForAll(Cases(), c =>
        {
            var random = new Random(c.Seed);
            var before = MindsetResults.Calculate(Small, Names(c), Responses(c.SizesBefore, random), c.Minimum, null);
            var now = MindsetResults.Calculate(Small, Names(c), Responses(c.Sizes, random), c.Minimum, before);
            return Figures(now).Zip(Figures(before)).All(pair =>
            {
                var ((_, groups, total), (_, earlierGroups, earlierTotal)) = pair;
                bool Honest(Cell cell, Cell? earlier) =>
                    cell.Change is not { } change
                    || (earlier?.Mean is { } then && cell.Mean is { } mean && Math.Abs(mean - then - change) < 1e-9);

                // A change with no published earlier figure would give that figure away: now minus change.
                return groups.All(g => Honest(g.Cell, earlierGroups.FirstOrDefault(e => e.Group == g.Group)?.Cell))
                       && (total is null || Honest(total, earlierTotal));
            });
        });
}
