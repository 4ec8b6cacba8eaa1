using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

/// <summary>Anonymity is a security property: these tests try to learn a small group's answers from what is shown.</summary>
public sealed class SuppressionTests
{
    private static GroupFigures G(string name, int respondents) => new(name, respondents, respondents * 3.0);

    [Fact]
    public void A_small_group_is_never_shown()
    {
        var result = Suppression.Apply([G("Councillors", 3), G("Frontline staff", 40), G("Digital and IT", 12)], 5, withTotal: false);
        Assert.Equal(["Digital and IT", "Frontline staff"], result.Shown.Select(g => g.Group));
        Assert.Equal(["Councillors"], result.Suppressed);
    }

    [Fact]
    public void With_a_total_a_lone_small_group_takes_the_next_smallest_down_with_it()
    {
        // Otherwise: total (55) minus frontline (40) minus digital (12) = the 3 councillors' answers.
        var result = Suppression.Apply([G("Councillors", 3), G("Frontline staff", 40), G("Digital and IT", 12)], 5, withTotal: true);
        Assert.Equal(["Councillors", "Digital and IT"], result.Suppressed);
        Assert.Equal(55, result.Total!.Respondents);
    }

    [Fact]
    public void A_total_below_the_minimum_is_not_shown() =>
        Assert.Null(Suppression.Apply([G("Partners", 2), G("Councillors", 2)], 5, withTotal: true).Total);

    [Fact]
    public void A_minimum_below_three_is_raised_to_three() =>
        Assert.Equal(["Partners"], Suppression.Apply([G("Partners", 2), G("Frontline staff", 9)], 2, withTotal: false).Suppressed);

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

    private static Arbitrary<(int Minimum, int[] Sizes, bool WithTotal)> Cases() =>
        Gen.Zip(Gen.Zip(Gen.Choose(2, 10), Gen.Choose(0, 30).ArrayOf()), Gen.Elements(true, false))
            .Select(t => (t.Item1.Item1, t.Item1.Item2.Take(8).ToArray(), t.Item2))
            .ToArbitrary();

    [Property]
    public Property Every_shown_figure_covers_at_least_the_minimum() =>
        Prop.ForAll(Cases(), c =>
        {
            var result = Suppression.Apply(c.Sizes.Select((n, i) => G($"Group {i}", n)).ToList(), c.Minimum, c.WithTotal);
            return result.Shown.All(g => g.Respondents >= c.Minimum) && (result.Total is null || result.Total.Respondents >= c.Minimum);
        });

    [Property]
    public Property Subtracting_shown_groups_from_the_total_never_isolates_a_small_set() =>
        Prop.ForAll(Cases(), c =>
        {
            var groups = c.Sizes.Select((n, i) => G($"Group {i}", n)).ToList();
            var result = Suppression.Apply(groups, c.Minimum, c.WithTotal);
            if (result.Total is null)
            {
                return true;
            }

            // The attacker's sum: what the total says minus everything shown is the held-back groups together.
            var remainder = result.Total.Respondents - result.Shown.Sum(g => g.Respondents);
            var heldBack = groups.Where(g => result.Suppressed.Contains(g.Group)).ToList();
            return remainder == heldBack.Sum(g => g.Respondents)
                   && (heldBack.Count == 0 || (heldBack.Count >= 2 && remainder >= c.Minimum));
        });

    [Property]
    public Property Every_group_with_answers_is_either_shown_or_held_back() =>
        Prop.ForAll(Cases(), c =>
        {
            var groups = c.Sizes.Select((n, i) => G($"Group {i}", n)).Where(g => g.Respondents > 0).ToList();
            var result = Suppression.Apply(groups, c.Minimum, c.WithTotal);
            return result.Shown.Select(g => g.Group).Concat(result.Suppressed).Order(StringComparer.Ordinal)
                .SequenceEqual(groups.Select(g => g.Group).Order(StringComparer.Ordinal));
        });
}
