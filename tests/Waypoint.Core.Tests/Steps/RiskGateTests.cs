using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Steps;

public sealed class RiskGateTests
{
    private static RiskAssessment Risk(int likelihood, int impact, Reversibility reversibility = Reversibility.Reversible) =>
        RiskAssessment.Create("Technology", likelihood, impact, reversibility, null);

    [Theory]
    [InlineData(2, 4, AppetiteLevel.Cautious, GateDecision.WithinAppetite)]
    [InlineData(3, 3, AppetiteLevel.Cautious, GateDecision.NeedsSignOff)]
    [InlineData(1, 3, AppetiteLevel.Averse, GateDecision.WithinAppetite)]
    [InlineData(4, 4, AppetiteLevel.Eager, GateDecision.WithinAppetite)]
    [InlineData(5, 4, AppetiteLevel.Eager, GateDecision.NeedsSignOff)]
    public void Within_appetite_goes_ahead_above_it_needs_sign_off(int likelihood, int impact, AppetiteLevel appetite, GateDecision decision) =>
        Assert.Equal(decision, RiskGate.Decide(Risk(likelihood, impact), appetite, AppetiteScale.Default));

    [Fact]
    public void An_irreversible_step_is_judged_one_level_more_strictly()
    {
        Assert.Equal(GateDecision.WithinAppetite, RiskGate.Decide(Risk(3, 4), AppetiteLevel.Open, AppetiteScale.Default));
        Assert.Equal(GateDecision.NeedsSignOff, RiskGate.Decide(Risk(3, 4, Reversibility.Irreversible), AppetiteLevel.Open, AppetiteScale.Default));
    }

    [Theory]
    [InlineData(0, 3, "likelihood")]
    [InlineData(6, 3, "likelihood")]
    [InlineData(3, 0, "impact")]
    [InlineData(3, 9, "impact")]
    public void Likelihood_and_impact_are_from_1_to_5(int likelihood, int impact, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolation>(() => RiskAssessment.Create("Legal", likelihood, impact, Reversibility.Costly, null)).Field);

    [Fact]
    public void A_scale_must_not_fall_as_appetite_rises() =>
        Assert.Equal("Open must accept at least as much as Cautious", Assert.Throws<RuleViolation>(() => AppetiteScale.Checked(3, 5, 9, 8, 16)).Message);

    private static Arbitrary<(int, int, Reversibility, AppetiteLevel)> Cases() =>
        Gen.Zip(Gen.Zip(Gen.Choose(1, 5), Gen.Choose(1, 5)), Gen.Zip(Gen.Elements(Enum.GetValues<Reversibility>()), Gen.Elements(Enum.GetValues<AppetiteLevel>())))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
            .ToArbitrary();

    [Property]
    public Property Raising_appetite_never_turns_an_approved_step_into_one_that_needs_sign_off() =>
        Prop.ForAll(Cases(), c =>
        {
            var (likelihood, impact, reversibility, appetite) = c;
            var risk = Risk(likelihood, impact, reversibility);
            return RiskGate.Decide(risk, appetite, AppetiteScale.Default) == GateDecision.NeedsSignOff
                   || Enum.GetValues<AppetiteLevel>().Where(l => l >= appetite).All(l => RiskGate.Decide(risk, l, AppetiteScale.Default) == GateDecision.WithinAppetite);
        });

    [Property]
    public Property An_irreversible_step_never_needs_less_than_a_reversible_one_of_the_same_score() =>
        Prop.ForAll(Cases(), c =>
        {
            var (likelihood, impact, _, appetite) = c;
            var reversible = RiskGate.Decide(Risk(likelihood, impact), appetite, AppetiteScale.Default);
            var irreversible = RiskGate.Decide(Risk(likelihood, impact, Reversibility.Irreversible), appetite, AppetiteScale.Default);
            return irreversible >= reversible;
        });

    /// <summary>Any scale an organisation could set: five scores from 1 to 25 that never fall.</summary>
    private static Arbitrary<AppetiteScale> Scales() =>
        Gen.ArrayOf(Gen.Choose(1, 25), 5).Select(a => a.Order().ToArray())
            .Select(a => AppetiteScale.Checked(a[0], a[1], a[2], a[3], a[4]))
            .ToArbitrary();

    [Property]
    public Property On_any_scale_an_organisation_may_set_raising_appetite_never_asks_for_more_sign_off() =>
        Prop.ForAll(Cases(), Scales(), (c, scale) =>
        {
            var (likelihood, impact, reversibility, appetite) = c;
            var risk = Risk(likelihood, impact, reversibility);
            var higher = (AppetiteLevel)Math.Min((int)appetite + 1, (int)AppetiteLevel.Eager);
            return RiskGate.Decide(risk, higher, scale) <= RiskGate.Decide(risk, appetite, scale)
                   && RiskGate.Decide(Risk(likelihood, impact, Reversibility.Irreversible), appetite, scale) >= RiskGate.Decide(Risk(likelihood, impact), appetite, scale);
        });

    [Property]
    public Property A_smaller_risk_never_needs_more_sign_off_than_a_larger_one() =>
        Prop.ForAll(Cases(), Cases(), Scales(), (a, b, scale) =>
        {
            var (l1, i1, r, appetite) = a;
            var (l2, i2, _, _) = b;
            var smaller = Risk(Math.Min(l1, l2), Math.Min(i1, i2), r);
            var larger = Risk(Math.Max(l1, l2), Math.Max(i1, i2), r);
            return RiskGate.Decide(smaller, appetite, scale) <= RiskGate.Decide(larger, appetite, scale);
        });

    [Fact]
    public void Raising_a_levels_score_lets_more_through_and_never_fewer()
    {
        var strict = new AppetiteScale(Cautious: 6);
        var generous = new AppetiteScale(Cautious: 10);
        Assert.Equal(GateDecision.NeedsSignOff, RiskGate.Decide(Risk(2, 4), AppetiteLevel.Cautious, strict));
        Assert.Equal(GateDecision.WithinAppetite, RiskGate.Decide(Risk(2, 4), AppetiteLevel.Cautious, generous));
    }
}
