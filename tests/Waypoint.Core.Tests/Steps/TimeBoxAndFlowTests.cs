using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Steps;

namespace Waypoint.Core.Tests.Steps;

public sealed class TimeBoxAndFlowTests
{
    private static readonly HashSet<DateOnly> NoHolidays = [];

    [Fact]
    public void Weekends_and_holidays_do_not_count()
    {
        // Monday 21 December 2026 to Friday 1 January 2027: ten weekdays, three of them bank holidays (25 and 28 December, 1 January).
        HashSet<DateOnly> holidays = [new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)];
        Assert.Equal(7, TimeBox.WorkingDays(new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 1), holidays));
        Assert.Equal(10, TimeBox.WorkingDays(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 11), NoHolidays));
    }

    [Fact]
    public void A_step_longer_than_its_box_is_refused_unless_a_leader_allowed_it()
    {
        var start = new DateOnly(2026, 11, 30);
        var violation = Assert.Throws<RuleViolation>(() => TimeBox.Check(start, start.AddDays(14), NoHolidays, 10, overridden: false));
        Assert.StartsWith("This step is planned for 11 working days, more than the 10 a step may take. Split it", violation.Message, StringComparison.Ordinal);
        TimeBox.Check(start, start.AddDays(14), NoHolidays, 10, overridden: true);
        Assert.Equal("dueDate", Assert.Throws<RuleViolation>(() => TimeBox.Check(start, start.AddDays(-1), NoHolidays, 10, false)).Field);
    }

    [Property]
    public Property Working_days_never_exceed_calendar_days_and_add_up_across_a_split(int offset, PositiveInt length, PositiveInt cut)
    {
        var start = new DateOnly(2026, 1, 1).AddDays(offset % 3000);
        var due = start.AddDays(length.Get % 400);
        var days = TimeBox.WorkingDays(start, due, NoHolidays);
        var middle = start.AddDays(cut.Get % (due.DayNumber - start.DayNumber + 1));
        var split = TimeBox.WorkingDays(start, middle, NoHolidays) + (middle < due ? TimeBox.WorkingDays(middle.AddDays(1), due, NoHolidays) : 0);
        return (days <= due.DayNumber - start.DayNumber + 1 && days == split).ToProperty();
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        double[] leadTimes = [2, 3, 3, 4, 5, 6, 8, 9, 12, 20];
        Assert.Equal(5, Flow.Percentile(leadTimes, 50));
        Assert.Equal(12, Flow.Percentile(leadTimes, 85));
        Assert.Null(Flow.Percentile([], 50));
    }

    [Property]
    public Property The_85th_percentile_is_never_below_the_median(NonEmptyArray<NormalFloat> values)
    {
        var list = values.Get.Select(v => v.Get).ToList();
        return (Flow.Percentile(list, 85) >= Flow.Percentile(list, 50)).ToProperty();
    }

    [Fact]
    public void Throughput_counts_steps_per_week_including_quiet_weeks()
    {
        var weeks = Flow.ThroughputPerWeek([new(2026, 11, 3), new(2026, 11, 5), new(2026, 11, 19)]);
        Assert.Equal([(new DateOnly(2026, 11, 2), 2), (new DateOnly(2026, 11, 9), 0), (new DateOnly(2026, 11, 16), 1)], weeks);
    }
}
