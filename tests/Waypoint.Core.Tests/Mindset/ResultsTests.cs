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
        var results = MindsetResults.Calculate(Small, ["Staff"], people.Append(Person("Staff", Small, (_, _) => Agreement.Agree)).ToList(), 3, null);
        var trust = results.Feature(1)!.For("Staff")!;
        // Person one scores 5, person two 2 (their only answer on the scale), person three has no score, person four 4.
        Assert.Equal(11 / 3.0, trust.Mean, 9);
        Assert.Equal(4, trust.Respondents);
        Assert.Equal(3, trust.Answered);
        Assert.Equal(new Distribution(0, 1, 0, 2, 2, 3), trust.Distribution);
        Assert.Null(results.Feature(1)!.Total!.Change(1));
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
        Assert.All(rows, r => Assert.True(r.Answered >= 5));
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
        Assert.Null(now.Feature(1)!.For("A")!.Change(1));
        Assert.Null(now.Feature(1)!.For("B")!.Change(1));
        Assert.Equal(2.0m, now.Feature(1)!.Total!.Change(1));
        Assert.Equal(2.0m, now.Overall!.Change(2));
    }

    [Fact]
    public void Five_people_of_whom_four_said_dont_know_carry_no_figure_for_that_feature()
    {
        // Today's trap: five managers answered, but only one of them gave "Risk" an answer on the scale.
        var managers = Enumerable.Range(0, 5).Select(i => Person("Managers", Small, (f, _) => f == 2 && i > 0 ? Agreement.DontKnow : Agreement.StronglyDisagree, (2, $"Risk words {i}")));
        var staff = Enumerable.Range(0, 20).Select(i => Person("Staff", Small, (_, _) => Agreement.Agree, (2, $"Staff words {i}")));
        var digital = Enumerable.Range(0, 6).Select(_ => Person("Digital", Small, (_, _) => Agreement.NeitherAgreeNorDisagree));
        var results = MindsetResults.Calculate(Small, ["Managers", "Staff", "Digital"], [.. managers, .. staff, .. digital], 5, null);

        var risk = results.Feature(2)!;
        Assert.Null(risk.For("Managers"));
        // Everyone minus Staff minus Digital would be that one manager: Digital is held back for "Risk" too.
        Assert.Null(risk.For("Digital"));
        Assert.Equal(["Staff"], risk.Groups.Select(g => g.Group));
        Assert.Equal(31, risk.Total!.Respondents);
        Assert.Equal(27, risk.Total.Answered);
        Assert.All(risk.Comments.Where(c => c.Text.StartsWith("Risk", StringComparison.Ordinal)), c => Assert.Null(c.Group));
        // Their other features are shown, but not their overall score, which would give "Risk" away.
        Assert.NotNull(results.Feature(1)!.For("Managers"));
        Assert.Null(results.OverallFor("Managers"));
        Assert.Equal(["Digital", "Managers"], results.PartlyShown().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_change_is_the_difference_of_the_two_means_as_shown()
    {
        var before = new Cell(10, 10, 3.14, Distribution.None, null);
        var now = new Cell(10, 10, 3.25, Distribution.None, before.Mean);
        // Shown as 3.1 and 3.3 (3.25 rounds up): 0.2 apart, though the means are 0.11 apart.
        Assert.Equal(0.2m, now.Change(1));
        Assert.Equal(0.11m, now.Change(2));
        Assert.Equal(-0.2m, new Cell(10, 10, 3.14, Distribution.None, 3.25).Change(1));
    }

    private sealed record Case(int Minimum, int[] Sizes, int[] SizesBefore, int Seed, int DontKnowShare);

    /// <summary>Up to five groups of up to 12 people; some answer "don't know" far more often than others.</summary>
    private static Arbitrary<Case> Cases() =>
        Gen.Zip(Gen.Zip(Gen.Choose(1, 8), Gen.Choose(0, 12).ArrayOf()), Gen.Zip(Gen.Zip(Gen.Choose(0, 12).ArrayOf(), Gen.Choose(0, int.MaxValue - 1)), Gen.Choose(0, 90)))
            .Select(t => new Case(t.Item1.Item1, t.Item1.Item2.Take(5).ToArray(), t.Item2.Item1.Item1.Take(5).ToArray(), t.Item2.Item1.Item2, t.Item2.Item2))
            .ToArbitrary();

    private static List<Respondent> Responses(int[] sizes, Random random, int dontKnowShare) =>
        sizes.SelectMany((n, g) =>
            {
                // Each group has its own habit of answering "don't know", some of them nearly always.
                var share = g % 2 == 0 ? dontKnowShare : random.Next(0, 100);
                return Enumerable.Range(0, n).Select(_ => Person($"Group {g}", Small,
                    (_, _) => random.Next(100) < share ? Agreement.DontKnow : (Agreement)random.Next(1, 6),
                    (random.Next(1, 4), $"Words {random.Next()}")));
            })
            .ToList();

    private static List<string> Names(Case c) => Enumerable.Range(0, Math.Max(c.Sizes.Length, c.SizesBefore.Length)).Select(g => $"Group {g}").ToList();

    /// <summary>
    /// The additive truth of one group's answers to one feature: the spread of answers, the sum of its people's
    /// scores and how many gave one. Every published distribution and mean (times how many answered) is a sum of these.
    /// </summary>
    private sealed record Atom(int Group, int Feature, Distribution Distribution, double ScoreSum, int Answered);

    private static List<Atom> Atoms(List<Respondent> people, int groups) =>
        Enumerable.Range(0, groups).SelectMany(g => Small.Features.Select(f =>
        {
            var members = people.Where(p => p.Group == $"Group {g}").ToList();
            var scores = members.Select(p => MindsetResults.FeatureScore(p, f.Number)).OfType<double>().ToList();
            var distribution = members.SelectMany(p => p.Answers.Where(a => a.FeatureNumber == f.Number)).Aggregate(Distribution.None, (d, a) => d.With(a.Value));
            return new Atom(g, f.Number, distribution, scores.Sum(), scores.Count);
        })).ToList();

    /// <summary>
    /// What the results publish, as sums of atoms: each cell is one atom; a feature's figure for everyone is its row;
    /// a group's overall score is its column (exactly so for the distribution; the mean of people's means nearly);
    /// the overall score for everyone is every atom. Each comes with the figure as published, to check the sums.
    /// </summary>
    private static List<(HashSet<(int Group, int Feature)> Atoms, Cell Cell)> Published(CampaignResults results, int groups)
    {
        var all = Enumerable.Range(0, groups).SelectMany(g => Small.Features.Select(f => (g, f.Number))).ToHashSet();
        int Index(string group) => int.Parse(group["Group ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var published = new List<(HashSet<(int, int)>, Cell)>();
        foreach (var feature in results.Features)
        {
            published.AddRange(feature.Groups.Select(g => (new HashSet<(int, int)> { (Index(g.Group), feature.Number) }, g.Cell)));
            if (feature.Total is { } total)
            {
                published.Add((all.Where(a => a.Item2 == feature.Number).ToHashSet(), total));
            }
        }

        published.AddRange(results.OverallGroups.Select(g => (all.Where(a => a.Item1 == Index(g.Group)).ToHashSet(), g.Cell)));
        if (results.Overall is { } overall)
        {
            published.Add((all, overall));
        }

        return published;
    }

    [Property]
    public Property Every_figure_published_rests_on_at_least_the_minimum_who_answered_it() =>
        Prop.ForAll(Cases(), c =>
        {
            var people = Responses(c.Sizes, new Random(c.Seed), c.DontKnowShare);
            var results = MindsetResults.Calculate(Small, Names(c), people, c.Minimum, null);
            var minimum = Math.Max(3, c.Minimum);
            var atoms = Atoms(people, Names(c).Count);
            foreach (var (set, cell) in Published(results, Names(c).Count))
            {
                var parts = atoms.Where(a => set.Contains((a.Group, a.Feature))).ToList();
                // The published figure is what the atoms say (so the attacker's sums below mean something) ...
                var distribution = parts.Aggregate(Distribution.None, (d, a) => Add(d, a.Distribution));
                if (cell.Answered < minimum || !distribution.Equals(cell.Distribution))
                {
                    return false;
                }

                // ... and, for a single feature, what its mean rests on is the people who scored it.
                if (set.Select(a => a.Feature).Distinct().Count() == 1
                    && (parts.Sum(a => a.Answered) != cell.Answered || Math.Abs((parts.Sum(a => a.ScoreSum) / cell.Answered) - cell.Mean) > 1e-9))
                {
                    return false;
                }
            }

            var labels = results.Features.SelectMany(f => f.Comments.Select(m => (f, m.Group))).Where(x => x.Group is not null);
            return labels.All(x => x.f.For(x.Group!) is not null) && results.Features.All(f => f.Total is not null || f.Comments.Count == 0);
        });

    [Property]
    public Property No_sum_or_difference_of_published_figures_isolates_fewer_than_the_minimum() =>
        Prop.ForAll(Cases(), c =>
        {
            var people = Responses(c.Sizes, new Random(c.Seed), c.DontKnowShare);
            var groups = Names(c).Count;
            var results = MindsetResults.Calculate(Small, Names(c), people, c.Minimum, null);
            var minimum = Math.Max(3, c.Minimum);
            var atoms = Atoms(people, groups).Where(a => people.Any(p => p.Group == $"Group {a.Group}")).ToList();
            var published = Published(results, groups);
            var known = published.Where(p => p.Atoms.Count == 1).Select(p => p.Atoms.Single()).ToHashSet();
            var hidden = atoms.Where(a => !known.Contains((a.Group, a.Feature))).ToList();

            // Every published figure, less the atoms shown on their own, is an equation in the hidden atoms; the attacker
            // can work out exactly the combinations in the span of those equations. Try every one that adds whole atoms.
            var equations = published.Select(p => hidden.Select(a => p.Atoms.Contains((a.Group, a.Feature)) ? 1.0 : 0.0).ToArray()).ToList();
            foreach (var derived in Attacker.WholeCombinations(equations, hidden.Count))
            {
                var taken = hidden.Where((_, i) => derived[i]).ToList();
                // What such a combination isolates must rest, feature by feature, on at least the minimum who scored it.
                if (taken.GroupBy(a => a.Feature).Any(row => row.Sum(a => a.Answered) < minimum))
                {
                    return false;
                }
            }

            // The groups with nothing shown cannot be counted by subtraction from a total either.
            var anyTotal = results.Overall is not null || results.Features.Any(f => f.Total is not null);
            var uncounted = people.Where(p => results.Suppressed.Contains(p.Group)).ToList();
            return !anyTotal || uncounted.Count == 0 || (results.Suppressed.Count >= 2 && uncounted.Count >= minimum);
        });

    [Property]
    public Property Subtracting_shown_groups_from_a_total_leaves_nobody_or_enough_people() =>
        Prop.ForAll(Cases(), c =>
        {
            var people = Responses(c.Sizes, new Random(c.Seed), c.DontKnowShare);
            var results = MindsetResults.Calculate(Small, Names(c), people, c.Minimum, null);
            var minimum = Math.Max(3, c.Minimum);
            var rows = results.Features.Select(f => (Counts: (Func<Answer, bool>)(a => a.FeatureNumber == f.Number), Score: (Func<Respondent, double?>)(r => MindsetResults.FeatureScore(r, f.Number)), f.Groups, f.Total))
                .Append((a => true, r => MindsetResults.OverallScore(Small, r), results.OverallGroups, results.Overall));
            foreach (var (counts, score, groups, total) in rows)
            {
                if (total is null)
                {
                    continue;
                }

                // Try every subset of the groups shown: the total minus them is the rest of the groups together.
                for (var mask = 0; mask < 1 << groups.Count; mask++)
                {
                    var taken = groups.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                    var distribution = taken.Aggregate(total.Distribution, (d, g) => d.Minus(g.Cell.Distribution));
                    var answered = total.Answered - taken.Sum(g => g.Cell.Answered);
                    var rest = people.Where(p => taken.All(g => g.Group != p.Group)).ToList();
                    // The attacker's arithmetic is right (so this check means something) ...
                    if (distribution.Answers != rest.Sum(p => p.Answers.Count(counts)) || answered != rest.Count(p => score(p) is not null))
                    {
                        return false;
                    }

                    // ... and what it isolates is nobody, or at least the minimum number of people who gave an answer.
                    if (rest.Count > 0 && answered < minimum)
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Property]
    public Property A_change_since_the_last_campaign_rests_only_on_figures_both_campaigns_published() =>
        Prop.ForAll(Cases(), c =>
        {
            var random = new Random(c.Seed);
            var before = MindsetResults.Calculate(Small, Names(c), Responses(c.SizesBefore, random, c.DontKnowShare), c.Minimum, null);
            var now = MindsetResults.Calculate(Small, Names(c), Responses(c.Sizes, random, c.DontKnowShare), c.Minimum, before);
            static IEnumerable<(IReadOnlyList<GroupCell> Groups, Cell? Total)> Figures(CampaignResults r) =>
                r.Features.Select(f => (f.Groups, f.Total)).Append((r.OverallGroups, r.Overall));
            return Figures(now).Zip(Figures(before)).All(pair =>
            {
                var ((groups, total), (earlierGroups, earlierTotal)) = pair;
                // A change with no published earlier figure would give that figure away (now minus change); one that
                // is published is exactly the difference of the two means as shown, at every precision.
                bool Honest(Cell cell, Cell? earlier) =>
                    earlier is null
                        ? cell.Previous is null && cell.Change(1) is null
                        : cell.Previous == earlier.Mean
                          && cell.Change(1) == Waypoint.Core.Figures.Round(cell.Mean, 1) - Waypoint.Core.Figures.Round(earlier.Mean, 1)
                          && cell.Change(2) == Waypoint.Core.Figures.Round(cell.Mean, 2) - Waypoint.Core.Figures.Round(earlier.Mean, 2);

                return groups.All(g => Honest(g.Cell, earlierGroups.FirstOrDefault(e => e.Group == g.Group)?.Cell))
                       && (total is null || Honest(total, earlierTotal));
            });
        });

    private static Distribution Add(Distribution a, Distribution b) => a.Minus(Distribution.None.Minus(b));

    /// <summary>
    /// The attacker's linear algebra: which sets of hidden atoms can be worked out from the equations, by any sum
    /// and difference of them. Brings the equations to reduced row echelon form; a combination is fixed by its
    /// values at the pivots, so trying every 0/1 choice there finds every derivable set of whole atoms.
    /// </summary>
    private static class Attacker
    {
        public static IEnumerable<bool[]> WholeCombinations(List<double[]> equations, int unknowns)
        {
            var rows = equations.Select(e => (double[])e.Clone()).Where(e => e.Any(x => x != 0)).ToList();
            var basis = new List<(int Pivot, double[] Row)>();
            foreach (var column in Enumerable.Range(0, unknowns))
            {
                var found = rows.FindIndex(r => Math.Abs(r[column]) > 1e-9);
                if (found < 0)
                {
                    continue;
                }

                var pivot = rows[found];
                rows.RemoveAt(found);
                var scale = pivot[column];
                for (var i = 0; i < unknowns; i++)
                {
                    pivot[i] /= scale;
                }

                foreach (var other in rows.Concat(basis.Select(b => b.Row)))
                {
                    var factor = other[column];
                    if (Math.Abs(factor) > 1e-12)
                    {
                        for (var i = 0; i < unknowns; i++)
                        {
                            other[i] -= factor * pivot[i];
                        }
                    }
                }

                basis.Add((column, pivot));
            }

            if (basis.Count > 16)
            {
                throw new InvalidOperationException("Too many independent figures to try every combination.");
            }

            for (var choice = 1; choice < 1 << basis.Count; choice++)
            {
                var vector = new double[unknowns];
                for (var b = 0; b < basis.Count; b++)
                {
                    if ((choice & (1 << b)) != 0)
                    {
                        for (var i = 0; i < unknowns; i++)
                        {
                            vector[i] += basis[b].Row[i];
                        }
                    }
                }

                if (vector.All(x => Math.Abs(x) < 1e-9 || Math.Abs(x - 1) < 1e-9))
                {
                    yield return vector.Select(x => Math.Abs(x - 1) < 1e-9).ToArray();
                }
            }
        }
    }
}
