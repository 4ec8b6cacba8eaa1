using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Outcomes;

namespace Waypoint.Core.Tests.Outcomes;

public sealed class ProgressRulesTests
{
    private static readonly DateOnly Start = new(2025, 4, 1);
    private static readonly DateOnly End = new(2026, 3, 31);

    // Share of missed-bin reports made online: 40 % to 70 % over the year.
    private static readonly Plan Online = new(new Point(Start, 40m), new Point(End, 70m), Direction.Increase);

    // Days to fix a housing repair: 30 down to 20.
    private static readonly Plan Repairs = new(new Point(Start, 30m), new Point(End, 20m), Direction.Decrease);

    [Theory]
    [InlineData(40, 0)]
    [InlineData(55, 0.5)]
    [InlineData(70, 1)]
    [InlineData(85, 1.5)]
    [InlineData(37, -0.1)]
    public void Progress_is_the_share_of_the_distance_covered(decimal value, decimal progress) =>
        Assert.Equal(progress, ProgressRules.Progress(Online, value));

    [Fact]
    public void Progress_works_the_same_way_when_lower_is_better()
    {
        Assert.Equal(0.5m, ProgressRules.Progress(Repairs, 25m));
        Assert.Equal(-0.1m, ProgressRules.Progress(Repairs, 31m));
    }

    [Fact]
    public void The_trajectory_is_the_straight_line_from_baseline_to_target()
    {
        Assert.Equal(40m, ProgressRules.Expected(Online, Start.AddDays(-10)));
        Assert.Equal(70m, ProgressRules.Expected(Online, End.AddDays(10)));
        var half = Start.AddDays(Online.Days / 2);
        Assert.Equal(55m, Math.Round(ProgressRules.Expected(Online, half), 1));
    }

    [Fact]
    public void Statuses_follow_the_written_rules()
    {
        var midYear = new DateOnly(2025, 10, 1);
        var expected = ProgressRules.Expected(Online, midYear);
        Assert.Equal(TargetStatus.NoData, ProgressRules.Status(Online, Cadence.Monthly, [], midYear));
        Assert.Equal(TargetStatus.OnTrack, ProgressRules.Status(Online, Cadence.Monthly, [new(midYear, expected)], midYear));
        Assert.Equal(TargetStatus.AtRisk, ProgressRules.Status(Online, Cadence.Monthly, [new(midYear, expected - 2m)], midYear));
        Assert.Equal(TargetStatus.OffTrack, ProgressRules.Status(Online, Cadence.Monthly, [new(midYear, expected - 4m)], midYear));
        Assert.Equal(TargetStatus.Overdue, ProgressRules.Status(Online, Cadence.Monthly, [new(midYear, 70m)], midYear.AddDays(60)));
        Assert.Equal(TargetStatus.OffTrack, ProgressRules.Status(Online, Cadence.Monthly, [new(End, 69m)], End));
        Assert.Equal(TargetStatus.OnTrack, ProgressRules.Status(Online, Cadence.Monthly, [new(End, 70m)], End.AddDays(200)));
    }

    [Fact]
    public void Maintain_is_on_track_inside_its_band()
    {
        var satisfaction = new Plan(new Point(Start, 80m), new Point(End, 80m), Direction.Maintain, Tolerance: 3m);
        Assert.Equal(TargetStatus.OnTrack, ProgressRules.Status(satisfaction, Cadence.Quarterly, [new(Start.AddDays(30), 77m)], Start.AddDays(31)));
        Assert.Equal(TargetStatus.OffTrack, ProgressRules.Status(satisfaction, Cadence.Quarterly, [new(Start.AddDays(30), 76.9m)], Start.AddDays(31)));
    }

    [Fact]
    public void An_outcome_is_as_well_as_its_worst_target()
    {
        Assert.Equal(TargetStatus.NoData, ProgressRules.OutcomeStatus([]));
        Assert.Equal(TargetStatus.AtRisk, ProgressRules.OutcomeStatus([TargetStatus.OnTrack, TargetStatus.AtRisk]));
        Assert.Equal(TargetStatus.OffTrack, ProgressRules.OutcomeStatus([TargetStatus.Overdue, TargetStatus.OffTrack, TargetStatus.OnTrack]));
    }

    private static Plan PlanFrom(int baseline, int distance, int days, bool increase) =>
        new(new Point(Start, baseline), new Point(Start.AddDays(days), baseline + (increase ? distance : -distance)),
            increase ? Direction.Increase : Direction.Decrease);

    [Property]
    public Property Progress_is_0_at_the_baseline_and_1_at_the_target_whatever_the_direction(int baseline, PositiveInt distance, PositiveInt days, bool increase)
    {
        var plan = PlanFrom(baseline, distance.Get, days.Get, increase);
        return (ProgressRules.Progress(plan, plan.Baseline.Value) == 0m && ProgressRules.Progress(plan, plan.Target.Value) == 1m).ToProperty();
    }

    [Property]
    public Property Swapping_the_direction_and_mirroring_the_values_keeps_progress(int baseline, PositiveInt distance, PositiveInt days, int value)
    {
        var up = PlanFrom(baseline, distance.Get, days.Get, increase: true);
        var down = new Plan(new Point(up.Baseline.Date, -up.Baseline.Value), new Point(up.Target.Date, -up.Target.Value), Direction.Decrease);
        return (ProgressRules.Progress(up, value) == ProgressRules.Progress(down, -value)).ToProperty();
    }

    [Property]
    public Property Status_does_not_depend_on_the_order_measurements_arrived_in(PositiveInt distance, int[] offsets, int seed)
    {
        var plan = PlanFrom(100, distance.Get, 365, increase: true);
        var measurements = offsets.Select((o, i) => new Point(Start.AddDays(Math.Abs(o % 400)), 100 + (o % 50) + i % 3)).ToList();
        var shuffled = measurements.OrderBy(_ => new Random(seed).Next()).ToList();
        var today = Start.AddDays(200);
        return (ProgressRules.Status(plan, Cadence.Monthly, measurements, today) == ProgressRules.Status(plan, Cadence.Monthly, shuffled, today)).ToProperty();
    }

    [Property]
    public Property The_trajectory_never_leaves_the_range_between_baseline_and_target(int baseline, PositiveInt distance, PositiveInt days, int offset, bool increase)
    {
        var plan = PlanFrom(baseline, distance.Get, days.Get, increase);
        var expected = ProgressRules.Expected(plan, Start.AddDays(offset % 5000));
        var (low, high) = increase ? (plan.Baseline.Value, plan.Target.Value) : (plan.Target.Value, plan.Baseline.Value);
        return (expected >= low && expected <= high).ToProperty();
    }
}
