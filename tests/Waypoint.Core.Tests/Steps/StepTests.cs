using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Steps;

public sealed class StepTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Leader = Guid.NewGuid();

    private static Step NewStep() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Plain-English bin reminder",
        "send a text the evening before collection", Guid.NewGuid(), "missed-bin reports fall by about a tenth",
        "most missed bins are bins put out late", [Owner]);

    [Fact]
    public void A_step_within_appetite_starts_without_asking_anyone()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready);
        Assert.Equal("Assess the step's risk before starting it", step.WhyNot(StepStatus.Doing));
        Assert.Equal(GateDecision.WithinAppetite, step.Assess(RiskAssessment.Create("Reputational", 2, 2, Reversibility.Reversible, null), AppetiteLevel.Cautious, AppetiteScale.Default));
        step.MoveTo(StepStatus.Doing);
        Assert.Equal(StepStatus.Doing, step.Status);
    }

    [Fact]
    public void A_step_above_appetite_waits_for_someone_who_does_not_own_it()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready);
        step.Assess(RiskAssessment.Create("Information", 4, 4, Reversibility.Costly, "Pilot in one ward"), AppetiteLevel.Cautious, AppetiteScale.Default);
        Assert.Equal("This step's risk is above appetite: it is waiting for a leader to sign it off", step.WhyNot(StepStatus.Doing));
        Assert.Equal("You own this step, so someone else must sign it off", Assert.Throws<RuleViolation>(() => step.Decide(Owner, true, "Fine")).Message);
        Assert.Equal("reason", Assert.Throws<RuleViolation>(() => step.Decide(Leader, true, " ")).Field);
        step.Decide(Leader, true, "One ward first, data protection officer consulted");
        step.MoveTo(StepStatus.Doing);
        Assert.Equal((SignOff.Approved, Leader), (step.SignOff, step.DecidedBy!.Value));
    }

    [Fact]
    public void A_step_within_appetite_cannot_be_signed_off()
    {
        var step = NewStep();
        step.Assess(RiskAssessment.Create("People", 1, 1, Reversibility.Reversible, null), AppetiteLevel.Minimal, AppetiteScale.Default);
        Assert.Equal("This step is within appetite and needs no sign-off", Assert.Throws<RuleViolation>(() => step.Decide(Leader, true, "Sure")).Message);
    }

    [Fact]
    public void A_step_cannot_close_without_learning()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready);
        step.Assess(RiskAssessment.Create("Operations", 1, 2, Reversibility.Reversible, null), AppetiteLevel.Open, AppetiteScale.Default);
        step.MoveTo(StepStatus.Doing);
        Assert.Equal("Write up what was learned before closing the step", Assert.Throws<RuleViolation>(() => step.MoveTo(StepStatus.Done)).Message);
        step.RecordLearning();
        step.MoveTo(StepStatus.Done);
        Assert.Equal("This step is Done and can no longer move", step.WhyNot(StepStatus.Doing));
    }

    [Property]
    public Property No_sequence_of_moves_starts_a_step_the_gate_has_not_let_through(StepStatus[] moves, bool assessHigh)
    {
        var step = NewStep();
        step.Assess(RiskAssessment.Create("Security", assessHigh ? 5 : 1, assessHigh ? 5 : 1, Reversibility.Irreversible, null), AppetiteLevel.Open, AppetiteScale.Default);
        foreach (var move in moves.Where(Enum.IsDefined))
        {
            try
            {
                step.MoveTo(move);
            }
            catch (RuleViolation)
            {
            }

            if (step.Status == StepStatus.Doing && step.SignOff is not (SignOff.WithinAppetite or SignOff.Approved))
            {
                return false.ToProperty();
            }
        }

        return true.ToProperty();
    }
}
