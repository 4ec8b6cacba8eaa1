using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Outcomes;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Core.Tests.Outcomes;

public sealed class OutcomeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly Guid Org = Guid.NewGuid();

    private static Outcome NewOutcome(Guid? id = null) =>
        new(id ?? Guid.NewGuid(), Org, Guid.NewGuid(), "Most missed-bin reports made online", "As a resident I need to report a missed bin quickly",
            "Seven in ten reports arrive online", new DateOnly(2027, 3, 31), null, Visibility.Organisation, Now);

    private static Indicator NewIndicator(Direction direction = Direction.Increase) =>
        new(Guid.NewGuid(), Org, "Share of missed-bin reports made online", "%", direction, IndicatorKind.HowWell, Cadence.Monthly, "CRM export", Guid.NewGuid(), null);

    private static readonly Guid Leader = Guid.NewGuid();

    private static OutcomeStateChange Move(Outcome outcome, OutcomeState next, string? reason = null, params TargetStanding[] targets) =>
        outcome.MoveTo(next, targets, reason, Leader, Now);

    private static Outcome ActiveOutcome()
    {
        var outcome = NewOutcome();
        Move(outcome, OutcomeState.Agreed);
        Move(outcome, OutcomeState.Active);
        return outcome;
    }

    [Fact]
    public void An_outcome_moves_through_its_life_and_refuses_a_jump_with_the_reason()
    {
        var outcome = NewOutcome();
        Assert.Equal(OutcomeState.Draft, outcome.State);
        var jump = Assert.Throws<RuleViolation>(() => Move(outcome, OutcomeState.Achieved));
        Assert.Equal("An outcome that is Draft can only become Agreed or Retired, not Achieved", jump.Message);

        Move(outcome, OutcomeState.Agreed);
        Move(outcome, OutcomeState.Active);
        Move(outcome, OutcomeState.Achieved);
        var final = Assert.Throws<RuleViolation>(() => Move(outcome, OutcomeState.Active));
        Assert.Equal("This outcome is Achieved and can no longer change state", final.Message);
    }

    [Fact]
    public void Each_move_is_kept_with_from_to_when_who_and_why()
    {
        var outcome = NewOutcome();
        var change = Move(outcome, OutcomeState.Agreed, "  Signed off by the head of waste services  ");
        Assert.Equal((outcome.Id, Org, OutcomeState.Draft, OutcomeState.Agreed, Now, Leader, "Signed off by the head of waste services"),
            (change.OutcomeId, change.OrganisationId, change.From, change.To, change.At, change.ById, change.Reason));
        Assert.Empty(change.OffTrackTargets);
        Assert.Null(Move(outcome, OutcomeState.Active, " ").Reason);
    }

    [Fact]
    public void Marking_an_outcome_achieved_while_a_target_is_off_track_needs_a_reason_which_is_kept()
    {
        var outcome = ActiveOutcome();
        TargetStanding[] targets = [new("Missed-bin reports made online", TargetStatus.OnTrack), new("Missed bins put right in 2 days", TargetStatus.OffTrack)];

        var refused = Assert.Throws<RuleViolation>(() => Move(outcome, OutcomeState.Achieved, "   ", targets));
        Assert.Equal(("reason", "Enter why this outcome is achieved while its target for Missed bins put right in 2 days is off track"), (refused.Field, refused.Message));
        Assert.Equal(OutcomeState.Active, outcome.State);
        Assert.Equal("The reason must be 1000 characters or fewer",
            Assert.Throws<RuleViolation>(() => Move(outcome, OutcomeState.Achieved, new string('x', 1001), targets)).Message);
        Assert.Equal(OutcomeState.Active, outcome.State);

        var change = Move(outcome, OutcomeState.Achieved, "Online reporting was the goal and it is met", targets);
        Assert.Equal(OutcomeState.Achieved, outcome.State);
        Assert.Equal((OutcomeState.Active, OutcomeState.Achieved, "Online reporting was the goal and it is met"), (change.From, change.To, change.Reason));
        Assert.Equal(["Missed bins put right in 2 days"], change.OffTrackTargets);
    }

    [Fact]
    public void Every_off_track_target_is_named()
    {
        var refused = Assert.Throws<RuleViolation>(() => Move(ActiveOutcome(), OutcomeState.Achieved, null,
            new("Calls answered", TargetStatus.OffTrack), new("Chat satisfaction", TargetStatus.AtRisk), new("Calls abandoned", TargetStatus.OffTrack), new("Repeat calls", TargetStatus.OffTrack)));
        Assert.Equal("Enter why this outcome is achieved while its targets for Calls answered, Calls abandoned and Repeat calls are off track", refused.Message);
    }

    [Theory]
    [InlineData(OutcomeState.Missed)]
    [InlineData(OutcomeState.Retired)]
    public void Ending_an_outcome_any_other_way_needs_no_reason_however_its_targets_stand(OutcomeState end)
    {
        var change = Move(ActiveOutcome(), end, null, new TargetStanding("Calls answered", TargetStatus.OffTrack));
        Assert.Equal((end, null), (change.To, change.Reason));
        Assert.Empty(change.OffTrackTargets);
    }

    [Property]
    public Property Achieving_needs_a_reason_exactly_when_some_target_is_off_track(TargetStatus[] statuses)
    {
        var targets = statuses.Where(Enum.IsDefined).Select((s, i) => new TargetStanding($"Target {i}", s)).ToArray();
        var outcome = ActiveOutcome();
        var needed = targets.Any(t => t.Status == TargetStatus.OffTrack);
        try
        {
            Move(outcome, OutcomeState.Achieved, null, targets);
            return (!needed && outcome.State == OutcomeState.Achieved).ToProperty();
        }
        catch (RuleViolation violation)
        {
            return (needed && violation.Field == "reason" && outcome.State == OutcomeState.Active).ToProperty();
        }
    }

    [Property]
    public Property No_sequence_of_moves_leaves_a_final_state(OutcomeState[] moves)
    {
        var outcome = NewOutcome();
        var reachedFinal = false;
        foreach (var move in moves.Where(Enum.IsDefined))
        {
            var before = outcome.State;
            try
            {
                var change = Move(outcome, move);
                if (change.From != before || change.To != outcome.State)
                {
                    return false.ToProperty();
                }
            }
            catch (RuleViolation)
            {
                if (outcome.State != before)
                {
                    return false.ToProperty();
                }
            }

            if (reachedFinal && outcome.State != before)
            {
                return false.ToProperty();
            }

            reachedFinal |= outcome.State is OutcomeState.Achieved or OutcomeState.Missed or OutcomeState.Retired;
        }

        return true.ToProperty();
    }

    [Fact]
    public void The_alignment_tree_refuses_a_cycle()
    {
        var top = NewOutcome();
        var middle = NewOutcome();
        var bottom = NewOutcome();
        var parents = new Dictionary<Guid, Guid?> { [top.Id] = null };
        middle.AlignUnder(top.Id, id => parents.GetValueOrDefault(id));
        parents[middle.Id] = top.Id;
        bottom.AlignUnder(middle.Id, id => parents.GetValueOrDefault(id));
        parents[bottom.Id] = middle.Id;

        var cycle = Assert.Throws<RuleViolation>(() => top.AlignUnder(bottom.Id, id => parents.GetValueOrDefault(id)));
        Assert.Equal("parentId", cycle.Field);
        Assert.Throws<RuleViolation>(() => top.AlignUnder(top.Id, id => parents.GetValueOrDefault(id)));
        Assert.Null(top.ParentId);
    }

    [Fact]
    public void Required_fields_are_named()
    {
        var missing = Assert.Throws<RuleViolation>(() => new Outcome(Guid.NewGuid(), Org, Guid.NewGuid(), "Title", " ", "Done", new DateOnly(2027, 1, 1), null, Visibility.Private, Now));
        Assert.Equal(("userNeed", "Enter a user need"), (missing.Field, missing.Message));
        var unit = Assert.Throws<RuleViolation>(() => new Indicator(Guid.NewGuid(), Org, "Name", new string('u', 21), Direction.Increase, IndicatorKind.HowMuch, Cadence.Weekly, null, Guid.NewGuid(), null));
        Assert.Equal(("unit", "Unit must be 20 characters or fewer"), (unit.Field, unit.Message));
    }

    [Theory]
    [InlineData(Direction.Increase, 40, 40, "targetValue")]
    [InlineData(Direction.Increase, 40, 30, "targetValue")]
    [InlineData(Direction.Decrease, 30, 35, "targetValue")]
    public void A_target_must_ask_for_movement_in_the_indicators_direction(Direction direction, int baseline, int target, string field)
    {
        var indicator = NewIndicator(direction);
        var violation = Assert.Throws<RuleViolation>(() => new Target(Guid.NewGuid(), Org, Guid.NewGuid(), indicator,
            new Point(new DateOnly(2025, 4, 1), baseline), new Point(new DateOnly(2026, 3, 31), target), 0));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void A_target_date_before_the_baseline_is_refused()
    {
        var violation = Assert.Throws<RuleViolation>(() => new Target(Guid.NewGuid(), Org, Guid.NewGuid(), NewIndicator(),
            new Point(new DateOnly(2025, 4, 1), 40), new Point(new DateOnly(2025, 3, 1), 70), 0));
        Assert.Equal("targetDate", violation.Field);
    }

    [Fact]
    public void A_rebaseline_keeps_what_the_target_was_and_why_it_moved()
    {
        var indicator = NewIndicator();
        var target = new Target(Guid.NewGuid(), Org, Guid.NewGuid(), indicator, new Point(new DateOnly(2025, 4, 1), 40), new Point(new DateOnly(2026, 3, 31), 70), 0);
        Assert.Throws<RuleViolation>(() => target.Rebaseline(Direction.Increase, new Point(new DateOnly(2025, 4, 1), 40), new Point(new DateOnly(2027, 3, 31), 70), 0, " ", Now));

        var revision = target.Rebaseline(Direction.Increase, new Point(new DateOnly(2026, 4, 1), 58), new Point(new DateOnly(2027, 3, 31), 75), 0, "Carried into 2026/27 after the CRM change", Now);
        Assert.Equal((new DateOnly(2026, 3, 31), 70m), (revision.PreviousTargetDate, revision.PreviousTargetValue));
        Assert.Equal((new DateOnly(2027, 3, 31), 75m), (target.TargetDate, target.TargetValue));
        Assert.Equal("Carried into 2026/27 after the CRM change", revision.Reason);
    }

    [Fact]
    public void Measurements_are_append_only_and_a_second_value_for_a_date_must_be_a_correction()
    {
        var indicator = NewIndicator();
        var date = new DateOnly(2026, 10, 31);
        var first = Measurement.Record(indicator, date, 52.5, MeasurementSource.Manual, null, isCorrection: false, current: null, Today, Now);
        var clash = Assert.Throws<RecordConflict>(() => Measurement.Record(indicator, date, 53, MeasurementSource.Manual, null, false, first, Today, Now));
        Assert.Equal("There is already a value for 31 October 2026. To change it, record a correction", clash.Message);

        var correction = Measurement.Record(indicator, date, 53.1, MeasurementSource.Manual, "Late reports counted", isCorrection: true, current: first, Today, Now);
        Assert.Equal(first.Id, correction.SupersedesId);
        Assert.Equal(52.5m, first.Value);
        Assert.Equal((date, 53.1m), (indicator.LatestDate!.Value, indicator.LatestValue!.Value));
        Assert.Throws<RuleViolation>(() => Measurement.Record(indicator, date.AddDays(-31), 50, MeasurementSource.Manual, null, isCorrection: true, current: null, Today, Now));
    }

    [Theory]
    [InlineData(double.NaN, "value")]
    [InlineData(double.PositiveInfinity, "value")]
    public void Non_finite_values_are_refused(double value, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolation>(() => Measurement.Record(NewIndicator(), new DateOnly(2026, 1, 1), value, MeasurementSource.Api, null, false, null, Today, Now)).Field);

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(2027, 11, 29)]
    public void Dates_before_1900_or_more_than_a_year_ahead_are_refused(int year, int month, int day) =>
        Assert.Equal("date", Assert.Throws<RuleViolation>(() => Measurement.Record(NewIndicator(), new DateOnly(year, month, day), 1, MeasurementSource.Api, null, false, null, Today, Now)).Field);

    [Property]
    public Property The_latest_value_is_the_one_for_the_latest_date_whatever_the_order(int[] days)
    {
        var indicator = NewIndicator();
        var distinct = days.Select(d => Math.Abs(d % 3000)).Distinct().ToList();
        foreach (var day in distinct)
        {
            Measurement.Record(indicator, new DateOnly(2018, 1, 1).AddDays(day), day, MeasurementSource.Import, null, false, null, Today, Now);
        }

        return (distinct.Count == 0 ? indicator.LatestValue is null : indicator.LatestValue == distinct.Max()).ToProperty();
    }
}
