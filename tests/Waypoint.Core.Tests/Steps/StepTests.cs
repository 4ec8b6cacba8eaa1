using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Steps;

public sealed class StepTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Leader = Guid.NewGuid();

    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static StepPlan Plan(DateOnly? start = null, DateOnly? due = null, BoxOverride? box = null) => new("Plain-English bin reminder",
        "send a text the evening before collection", Guid.NewGuid(), "missed-bin reports fall by about a tenth",
        "most missed bins are bins put out late", [Owner], start ?? Monday, due ?? Monday.AddDays(11), box);

    private static Step NewStep() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(), StepCalendar.Default, Now);

    [Fact]
    public void A_step_within_appetite_starts_without_asking_anyone()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        Assert.Equal("Assess the step's risk before starting it", step.WhyNot(StepStatus.Doing));
        Assert.Equal(GateDecision.WithinAppetite, step.Assess(RiskAssessment.Create("Reputational", 2, 2, Reversibility.Reversible, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now));
        step.MoveTo(StepStatus.Doing, Monday);
        Assert.Equal(StepStatus.Doing, step.Status);
    }

    [Fact]
    public void A_step_above_appetite_waits_for_someone_who_does_not_own_it()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        step.Assess(RiskAssessment.Create("Information", 4, 4, Reversibility.Costly, "Pilot in one ward"), AppetiteLevel.Cautious, AppetiteScale.Default, Now);
        Assert.Equal("This step's risk is above appetite: it is waiting for a leader to sign it off", step.WhyNot(StepStatus.Doing));
        Assert.Equal("You own this step, so someone else must sign it off", Assert.Throws<RuleViolation>(() => step.Decide(Owner, true, "Fine", Now)).Message);
        Assert.Equal("reason", Assert.Throws<RuleViolation>(() => step.Decide(Leader, true, " ", Now)).Field);
        step.Decide(Leader, true, "One ward first, data protection officer consulted", Now);
        step.MoveTo(StepStatus.Doing, Monday);
        Assert.Equal((SignOff.Approved, Leader), (step.SignOff, step.DecidedBy!.Value));
    }

    [Fact]
    public void A_step_within_appetite_cannot_be_signed_off()
    {
        var step = NewStep();
        step.Assess(RiskAssessment.Create("People", 1, 1, Reversibility.Reversible, null), AppetiteLevel.Minimal, AppetiteScale.Default, Now);
        Assert.Equal("This step is within appetite and needs no sign-off", Assert.Throws<RuleViolation>(() => step.Decide(Leader, true, "Sure", Now)).Message);
    }

    [Fact]
    public void A_step_cannot_close_without_learning()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        step.Assess(RiskAssessment.Create("Operations", 1, 2, Reversibility.Reversible, null), AppetiteLevel.Open, AppetiteScale.Default, Now);
        step.MoveTo(StepStatus.Doing, Monday);
        Assert.Equal("Write up what was learned before closing the step", Assert.Throws<RuleViolation>(() => step.MoveTo(StepStatus.Done, Monday)).Message);
        step.RecordLearning();
        step.MoveTo(StepStatus.Done, Monday);
        Assert.Equal("This step is Done and can no longer move", step.WhyNot(StepStatus.Doing));
        Assert.Equal(Monday, step.FinishedOn);
    }

    [Fact]
    public void Even_an_idea_that_is_dropped_says_what_was_learned()
    {
        var step = NewStep();
        Assert.Equal("Write up what was learned before closing the step", step.WhyNot(StepStatus.Stopped));
        step.RecordLearning();
        step.MoveTo(StepStatus.Stopped, Monday);
        Assert.True(step.IsClosed);
    }

    [Fact]
    public void A_step_longer_than_the_box_is_refused_with_a_suggestion_to_split_it_unless_a_leader_allows_it()
    {
        // Monday 2 November to Tuesday 17 November 2026 is twelve working days.
        var refused = Assert.Throws<RuleViolation>(() => new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(due: Monday.AddDays(15)), StepCalendar.Default, Now));
        Assert.Equal("dueDate", refused.Field);
        Assert.Contains("12 working days, more than the 10", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Split it", refused.Message, StringComparison.Ordinal);

        var reasonless = Assert.Throws<RuleViolation>(() => new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(due: Monday.AddDays(15), box: new BoxOverride(Leader, " ")), StepCalendar.Default, Now));
        Assert.Equal("boxOverrideReason", reasonless.Field);

        var allowed = new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(due: Monday.AddDays(15), box: new BoxOverride(Leader, "Supplier can only deliver in week three")), StepCalendar.Default, Now);
        Assert.Equal((Leader, "Supplier can only deliver in week three"), (allowed.BoxOverriddenBy!.Value, allowed.BoxOverrideReason!));
    }

    [Fact]
    public void Holidays_do_not_count_towards_the_box()
    {
        var christmas = new StepCalendar(3, new HashSet<DateOnly> { new(2026, 12, 25), new(2026, 12, 28) });
        // Thursday 24 to Tuesday 29 December: the 24th and the 29th are the only working days.
        var step = new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 29)), christmas, Now);
        Assert.Equal(new DateOnly(2026, 12, 29), step.DueDate);
        Assert.Throws<RuleViolation>(() => new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)), christmas, Now));
    }

    [Fact]
    public void A_due_date_before_the_start_is_refused()
    {
        var refused = Assert.Throws<RuleViolation>(() => new Step(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Plan(Monday, Monday.AddDays(-1)), StepCalendar.Default, Now));
        Assert.Equal(("dueDate", "The due date must be on or after the start date"), (refused.Field, refused.Message));
    }

    [Fact]
    public void A_step_past_its_due_date_is_overdue_until_it_closes()
    {
        var step = NewStep();
        Assert.False(step.IsOverdue(step.DueDate));
        Assert.True(step.IsOverdue(step.DueDate.AddDays(1)));
        step.RecordLearning();
        step.MoveTo(StepStatus.Stopped, step.DueDate.AddDays(1));
        Assert.False(step.IsOverdue(step.DueDate.AddDays(30)));
    }

    [Fact]
    public void Lead_time_counts_from_the_last_time_a_step_became_ready()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        step.MoveTo(StepStatus.Idea, Monday.AddDays(1));
        Assert.Null(step.ReadyOn);
        step.MoveTo(StepStatus.Ready, Monday.AddDays(2));
        Assert.Equal(Monday.AddDays(2), step.ReadyOn);
    }

    [Fact]
    public void Afterwards_the_owners_say_whether_the_risk_happened_and_how_badly()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        step.Assess(RiskAssessment.Create("Operations", 2, 3, Reversibility.Reversible, null), AppetiteLevel.Open, AppetiteScale.Default, Now);
        Assert.Equal("materialised", Assert.Throws<RuleViolation>(() => step.RecordAftermath(true, 2)).Field);
        step.MoveTo(StepStatus.Doing, Monday);
        step.RecordLearning();
        step.MoveTo(StepStatus.Done, Monday.AddDays(5));
        Assert.Equal("impact", Assert.Throws<RuleViolation>(() => step.RecordAftermath(true, 6)).Field);
        step.RecordAftermath(true, 2);
        Assert.Equal((true, 2), (step.RiskMaterialised!.Value, step.MaterialisedImpact!.Value));
        step.RecordAftermath(false, 4);
        Assert.Null(step.MaterialisedImpact);
    }

    [Fact]
    public void A_closed_step_cannot_be_changed()
    {
        var step = NewStep();
        step.RecordLearning();
        step.MoveTo(StepStatus.Stopped, Monday);
        Assert.Equal("status", Assert.Throws<RuleViolation>(() => step.Revise(Plan(), StepCalendar.Default)).Field);
    }

    [Property]
    public Property No_sequence_of_moves_starts_a_step_the_gate_has_not_let_through(StepStatus[] moves, bool assessHigh)
    {
        var step = NewStep();
        step.Assess(RiskAssessment.Create("Security", assessHigh ? 5 : 1, assessHigh ? 5 : 1, Reversibility.Irreversible, null), AppetiteLevel.Open, AppetiteScale.Default, Now);
        foreach (var move in moves.Where(Enum.IsDefined))
        {
            try
            {
                step.MoveTo(move, Monday);
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

    [Fact]
    public void A_declined_step_cannot_start_after_its_owners_assess_it_again_lower()
    {
        var step = NewStep();
        step.MoveTo(StepStatus.Ready, Monday);
        step.Assess(RiskAssessment.Create("Information", 4, 4, Reversibility.Costly, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now);
        step.Decide(Leader, false, "Not before the data protection officer has seen it", Now);

        // The owners now call it a small risk: the gate still wants a leader, because a leader said no.
        Assert.Equal(GateDecision.NeedsSignOff, step.Assess(RiskAssessment.Create("Information", 1, 1, Reversibility.Reversible, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now));
        Assert.Equal(SignOff.Waiting, step.SignOff);
        Assert.Equal("This step's risk is above appetite: it is waiting for a leader to sign it off", step.WhyNot(StepStatus.Doing));
        Assert.Throws<RuleViolation>(() => step.MoveTo(StepStatus.Doing, Monday));

        // A leader's approval lifts the decline; after that the gate judges assessments by the appetite again.
        step.Decide(Leader, true, "The officer has seen it", Now);
        Assert.False(step.WasDeclined);
        Assert.Equal(GateDecision.WithinAppetite, step.Assess(RiskAssessment.Create("Information", 1, 1, Reversibility.Reversible, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now));
        step.MoveTo(StepStatus.Doing, Monday);
    }

    [Fact]
    public void A_reassessment_above_appetite_after_approval_asks_the_gate_again()
    {
        var step = NewStep();
        step.Assess(RiskAssessment.Create("Information", 3, 4, Reversibility.Costly, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now);
        step.Decide(Leader, true, "Fine for one ward", Now);
        step.Assess(RiskAssessment.Create("Information", 5, 5, Reversibility.Irreversible, null), AppetiteLevel.Cautious, AppetiteScale.Default, Now);
        step.MoveTo(StepStatus.Ready, Monday);
        Assert.Equal(SignOff.Waiting, step.SignOff);
        Assert.NotNull(step.WhyNot(StepStatus.Doing));
    }

    /// <summary>
    /// Any sequence of assessments (by the owners), decisions (by a leader) and moves: the step starts only when its
    /// latest assessment was within appetite or a leader approved it since, and never while a decline stands.
    /// </summary>
    /// <summary>What happens to a step: the owners assess it, a leader decides, or someone moves it.</summary>
    private sealed record GateAction(int Kind, int Likelihood, int Impact, bool Yes, StepStatus To);

    private static Arbitrary<(GateAction[] Actions, AppetiteLevel Appetite)> GateStories() =>
        Gen.Zip(
                Gen.Zip(Gen.Zip(Gen.Choose(0, 2), Gen.Choose(1, 5)), Gen.Zip(Gen.Zip(Gen.Choose(1, 5), Gen.Elements(true, false)), Gen.Elements(Enum.GetValues<StepStatus>())))
                    .Select(t => new GateAction(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1.Item1, t.Item2.Item1.Item2, t.Item2.Item2))
                    .ArrayOf(),
                Gen.Elements(Enum.GetValues<AppetiteLevel>()))
            .ToArbitrary();

    /// <summary>
    /// Any sequence of assessments (by the owners), decisions (by a leader) and moves: the step starts only when its
    /// latest assessment was within appetite or a leader approved it since, and never while a decline stands.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property The_risk_gate_cannot_be_undone_from_below() =>
        Prop.ForAll(GateStories(), story =>
        {
            var step = NewStep();
            var declineStands = false;
            var cleared = false;
            foreach (var action in story.Actions)
            {
                try
                {
                    switch (action.Kind)
                    {
                        case 0:
                            var risk = RiskAssessment.Create("Security", action.Likelihood, action.Impact, action.Yes ? Reversibility.Reversible : Reversibility.Irreversible, null);
                            step.Assess(risk, story.Appetite, AppetiteScale.Default, Now);
                            cleared = !declineStands && RiskGate.Decide(risk, story.Appetite, AppetiteScale.Default) == GateDecision.WithinAppetite;
                            break;
                        case 1:
                            step.Decide(Leader, action.Yes, "Because", Now);
                            declineStands = !action.Yes;
                            cleared = action.Yes;
                            break;
                        default:
                            var wasDoing = step.Status == StepStatus.Doing;
                            step.MoveTo(action.To, Monday);
                            if (!wasDoing && step.Status == StepStatus.Doing && (declineStands || !cleared))
                            {
                                return false.Label($"started with a decline standing ({declineStands}) or not cleared ({cleared})");
                            }

                            break;
                    }
                }
                catch (RuleViolation)
                {
                }
            }

            return true.ToProperty();
        });
}
