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
}
