using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Steps;

public sealed class FlowFiguresAndRiskReportTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    private static readonly HashSet<DateOnly> NoHolidays = [];

    [Fact]
    public void Inside_the_box_is_judged_in_working_days_as_steps_are_planned()
    {
        var friday = Monday.AddDays(4);
        var nextMonday = Monday.AddDays(7);
        FlowStep[] steps =
        [
            new(StepStatus.Done, friday, Monday, friday.AddDays(1)), // done on Saturday: no working day was lost
            new(StepStatus.Done, friday, Monday, nextMonday), // done on Monday: one working day late
            new(StepStatus.Done, friday, Monday, nextMonday.AddDays(1)), // done on Tuesday
            new(StepStatus.Done, friday, Monday, friday.AddDays(-2)), // early
        ];

        // Saturday and early are inside; Monday and Tuesday are not.
        Assert.Equal(0.5, FlowFigures.Of(steps, NoHolidays).ShareInBox);

        // With Monday a holiday, finishing on it loses no working day; Tuesday is still one day late.
        Assert.Equal(0.75, FlowFigures.Of(steps, new HashSet<DateOnly> { nextMonday }).ShareInBox);
    }

    [Fact]
    public void Flow_figures_from_a_handful_of_steps_worked_by_hand()
    {
        FlowStep[] steps =
        [
            // Lead times 4, 6, 9 and 20 days; the last finished after its due date.
            new(StepStatus.Done, Monday.AddDays(10), Monday, Monday.AddDays(4)),
            new(StepStatus.Done, Monday.AddDays(10), Monday, Monday.AddDays(6)),
            new(StepStatus.Done, Monday.AddDays(17), Monday.AddDays(7), Monday.AddDays(16)),
            new(StepStatus.Done, Monday.AddDays(10), Monday, Monday.AddDays(20)),
            new(StepStatus.Doing, Monday.AddDays(10), Monday, null),
            new(StepStatus.Doing, Monday.AddDays(10), Monday, null),
            new(StepStatus.Stopped, Monday.AddDays(10), Monday, Monday.AddDays(3)),
            new(StepStatus.Idea, Monday.AddDays(10), null, null),
        ];

        var flow = FlowFigures.Of(steps, NoHolidays);

        Assert.Equal(4, flow.Done);
        Assert.Equal(6, flow.LeadTimeMedian);
        Assert.Equal(20, flow.LeadTime85);
        Assert.Equal(2, flow.WorkInProgress);
        Assert.Equal(0.75, flow.ShareInBox);
        Assert.Equal([(Monday, 2), (Monday.AddDays(7), 0), (Monday.AddDays(14), 2)], flow.Throughput);
    }

    [Fact]
    public void No_steps_have_no_figures_rather_than_zeros()
    {
        var flow = FlowFigures.Of([], NoHolidays);
        Assert.Null(flow.LeadTimeMedian);
        Assert.Null(flow.ShareInBox);
        Assert.Empty(flow.Throughput);
    }

    [Property]
    public Property Throughput_counts_every_done_step_once(PositiveInt[] offsets)
    {
        var steps = offsets.Select(o => new FlowStep(StepStatus.Done, Monday, Monday, Monday.AddDays(o.Get % 400))).ToList();
        var flow = FlowFigures.Of(steps, NoHolidays);
        return (flow.Throughput.Sum(w => w.Done) == steps.Count && flow.LeadTimeMedian <= flow.LeadTime85 || steps.Count == 0).ToProperty();
    }

    [Fact]
    public void The_risk_report_says_when_risks_happen_less_or_more_often_than_expected()
    {
        var timid = Enumerable.Range(0, 6).Select(i => new RiskAftermath("Technology", 4, 3, Materialised: i == 0, i == 0 ? 2 : null));
        var bold = Enumerable.Range(0, 5).Select(_ => new RiskAftermath("Information", 1, 4, Materialised: true, 3));
        var fine = Enumerable.Range(0, 5).Select(i => new RiskAftermath("People", 3, 2, Materialised: i < 2, i < 2 ? 1 : null));
        var few = new[] { new RiskAftermath("Legal", 5, 5, false, null) };

        var report = RiskReport.ByCategory(timid.Concat(bold).Concat(fine).Concat(few)).ToDictionary(c => c.Category);

        Assert.Equal(AppetiteSignal.MayBeTooTimid, report["Technology"].Signal);
        Assert.Equal(0.65, report["Technology"].Expected, 3);
        Assert.Equal(1 / 6.0, report["Technology"].Actual, 3);
        Assert.Equal(AppetiteSignal.MayBeTooBold, report["Information"].Signal);
        Assert.Equal(3, report["Information"].MeanImpactWhenHappened);
        Assert.Equal(AppetiteSignal.AsExpected, report["People"].Signal);
        Assert.Equal(AppetiteSignal.TooFewToSay, report["Legal"].Signal);
    }

    [Fact]
    public void The_signal_is_judged_on_the_percentages_shown_beside_it()
    {
        // Shown as 45% expected and 30% actual: exactly 15 points apart, which the help calls about right. In doubles
        // 0.45 − 0.15 is a hair above 0.3, which alone would have called it too timid.
        var steps = Enumerable.Range(0, 10).Select(i => new RiskAftermath("Technology", i < 8 ? 3 : 4, 3, Materialised: i < 3, i < 3 ? 2 : null));
        var technology = RiskReport.ByCategory(steps).Single();
        Assert.Equal(("45%", "30%"), (Figures.PercentText(technology.Expected), Figures.PercentText(technology.Actual)));
        Assert.Equal(AppetiteSignal.AsExpected, technology.Signal);
    }

    [Fact]
    public void The_heat_map_counts_open_steps_by_likelihood_and_impact()
    {
        var map = RiskReport.HeatMap([(1, 1), (5, 2), (5, 2), (3, 4)]);
        Assert.Equal(1, map[0, 0]);
        Assert.Equal(2, map[4, 1]);
        Assert.Equal(1, map[2, 3]);
        Assert.Equal(4, map.Cast<int>().Sum());
    }
}
