using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

/// <summary>Anonymity is a security property: these tests try to learn a small group's answers from what is shown.</summary>
public sealed class SuppressionTests
{
    /// <summary>A group where everyone gave every feature an answer on the scale.</summary>
    private static GroupCounts G(string name, int respondents, int features = 2) =>
        new(name, respondents, Enumerable.Repeat(respondents, features).ToList(), respondents);

    [Fact]
    public void A_small_group_is_never_shown()
    {
        var cut = Suppression.Decide([G("Councillors", 3), G("Frontline staff", 40), G("Digital and IT", 12)], 2, 5);
        Assert.DoesNotContain("Councillors", cut.Named);
        Assert.All(cut.Shown, row => Assert.DoesNotContain("Councillors", row));
        Assert.DoesNotContain("Councillors", cut.OverallShown);
    }

    [Fact]
    public void A_lone_small_group_takes_the_next_smallest_down_with_it()
    {
        // Otherwise: everyone (55) minus frontline (40) minus digital (12) = the 3 councillors' answers.
        var cut = Suppression.Decide([G("Councillors", 3), G("Frontline staff", 40), G("Digital and IT", 12)], 2, 5);
        Assert.Equal(["Councillors", "Digital and IT"], cut.HeldBack);
        Assert.All(cut.Shown, row => Assert.Equal(["Frontline staff"], row));
        Assert.All(cut.Totals, Assert.True);
        Assert.True(cut.OverallTotal);
    }

    [Fact]
    public void Five_people_of_whom_four_said_dont_know_show_nothing_for_that_feature()
    {
        // Feature 2: only one of the five managers gave an answer on the scale; the rest said "don't know".
        var managers = new GroupCounts("Managers", 5, [5, 1], 5);
        var cut = Suppression.Decide([managers, G("Staff", 30), G("Digital", 9)], 2, 5);

        Assert.Equal(["Digital", "Managers", "Staff"], cut.Shown[0].Order(StringComparer.Ordinal));
        // Held back for feature 2 with the next smallest (Digital), so that everyone minus Staff is six or more people's answers.
        Assert.Equal(["Staff"], cut.Shown[1]);
        Assert.True(cut.Totals[1]);
        // Their overall scores would give feature 2 away (overall minus feature 1), so they go too.
        Assert.Equal(["Staff"], cut.OverallShown);
        Assert.Empty(cut.HeldBack);
    }

    [Fact]
    public void A_feature_nobody_scored_holds_back_its_total_and_the_overall_total()
    {
        var cut = Suppression.Decide([new GroupCounts("Staff", 12, [12, 2], 12), new GroupCounts("Managers", 6, [6, 1], 6)], 2, 5);
        Assert.Empty(cut.Shown[1]);
        Assert.False(cut.Totals[1]);
        // Everyone's overall score minus everyone's feature 1 would be feature 2's answers from three people.
        Assert.False(cut.OverallTotal);
        Assert.Empty(cut.OverallShown);
        Assert.True(cut.Totals[0]);
    }

    [Fact]
    public void A_total_below_the_minimum_is_not_shown()
    {
        var cut = Suppression.Decide([G("Partners", 2), G("Councillors", 2)], 2, 5);
        Assert.All(cut.Totals, Assert.False);
        Assert.False(cut.OverallTotal);
        Assert.Empty(cut.Named);
    }

    [Fact]
    public void A_minimum_below_three_is_raised_to_three()
    {
        var cut = Suppression.Decide([G("Partners", 2), G("Frontline staff", 9), G("Digital", 9)], 2, 2);
        Assert.Contains("Partners", cut.HeldBack);
        Assert.Contains("Frontline staff", cut.Named);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(101)]
    [InlineData(null)]
    public void An_organisation_cannot_set_a_minimum_below_three(int? size)
    {
        var organisation = new Waypoint.Core.Organisations.Organisation(Guid.NewGuid(), "anytown", "Anytown", DateTimeOffset.UnixEpoch);
        Assert.Equal("minimumGroupSize", Assert.Throws<RuleViolation>(() => organisation.ChangeMinimumGroupSize(size)).Field);
        organisation.ChangeMinimumGroupSize(3);
        Assert.Equal(3, organisation.MinimumGroupSize);
    }

    private sealed record Case(int Minimum, int Features, GroupCounts[] Groups);

    /// <summary>Up to six groups of up to 30 people, each with some who answered a feature only with "don't know".</summary>
    private static Arbitrary<Case> Cases() =>
        Gen.Zip(Gen.Zip(Gen.Choose(2, 10), Gen.Choose(1, 4)), Gen.Zip(Gen.Choose(0, 30), Gen.Choose(0, 100).ArrayOf()).ArrayOf())
            .Select(t =>
            {
                var (minimum, features) = t.Item1;
                var groups = t.Item2.Take(6).Select((g, i) =>
                {
                    var (size, shares) = g;
                    var answered = Enumerable.Range(0, features).Select(f => size * (shares.Length > f ? shares[f] : 100) / 100).ToList();
                    return new GroupCounts($"Group {i}", size, answered, size == 0 ? 0 : Math.Max(answered.Max(), size * 9 / 10));
                }).ToArray();
                return new Case(minimum, features, groups);
            })
            .ToArbitrary();

    [Property]
    public Property Every_shown_figure_rests_on_at_least_the_minimum_who_answered_it() =>
        Prop.ForAll(Cases(), c =>
        {
            var cut = Suppression.Decide(c.Groups, c.Features, c.Minimum);
            var minimum = Math.Max(3, c.Minimum);
            var byName = c.Groups.ToDictionary(g => g.Group);
            return Enumerable.Range(0, c.Features).All(f =>
                       cut.Shown[f].All(g => byName[g].Answered[f] >= minimum)
                       && (!cut.Totals[f] || c.Groups.Sum(g => g.Answered[f]) >= minimum))
                   && cut.OverallShown.All(g => byName[g].AnsweredOverall >= minimum)
                   && (!cut.OverallTotal || c.Groups.Sum(g => g.AnsweredOverall) >= minimum);
        });

    [Property]
    public Property A_total_minus_the_figures_shown_beside_it_isolates_nobody() =>
        Prop.ForAll(Cases(), c =>
        {
            var cut = Suppression.Decide(c.Groups, c.Features, c.Minimum);
            var minimum = Math.Max(3, c.Minimum);
            var present = c.Groups.Where(g => g.Respondents > 0).ToList();
            var rows = Enumerable.Range(0, c.Features).All(f =>
            {
                var held = present.Where(g => !cut.Shown[f].Contains(g.Group)).ToList();
                return !cut.Totals[f] || held.Count == 0 || (held.Count >= 2 && held.Sum(g => g.Answered[f]) >= minimum);
            });
            // A group's overall score is the sum of its features' answers: it is shown only beside all of them.
            var columns = cut.OverallShown.All(g => Enumerable.Range(0, c.Features).All(f => cut.Shown[f].Contains(g)));
            var grand = !cut.OverallTotal || cut.Totals.All(t => t);
            // Every shown figure tells its group's size: the groups with nothing shown cannot be counted by subtraction.
            var anyTotal = cut.OverallTotal || cut.Totals.Any(t => t);
            var hidden = present.Where(g => cut.HeldBack.Contains(g.Group)).ToList();
            var counts = !anyTotal || hidden.Count == 0 || (hidden.Count >= 2 && hidden.Sum(g => g.Respondents) >= minimum);
            return rows && columns && grand && counts;
        });

    [Property]
    public Property Every_group_with_answers_is_either_named_or_held_back() =>
        Prop.ForAll(Cases(), c =>
        {
            var cut = Suppression.Decide(c.Groups, c.Features, c.Minimum);
            var present = c.Groups.Where(g => g.Respondents > 0).Select(g => g.Group).Order(StringComparer.Ordinal);
            return cut.Named.Concat(cut.HeldBack).Order(StringComparer.Ordinal).SequenceEqual(present)
                   && cut.Shown.All(row => row.All(cut.Named.Contains))
                   && cut.Named.All(g => cut.Shown.Any(row => row.Contains(g)));
        });
}
