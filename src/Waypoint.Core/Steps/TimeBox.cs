namespace Waypoint.Core.Steps;

/// <summary>Small, quick steps: how long a step is planned for, in working days.</summary>
public static class TimeBox
{
    public const int DefaultMaximumWorkingDays = 10;

    /// <summary>Working days from start to due, both counted; weekends and the organisation's holidays do not count.</summary>
    public static int WorkingDays(DateOnly start, DateOnly due, IReadOnlySet<DateOnly> holidays)
    {
        if (due < start)
        {
            throw new RuleViolation("dueDate", "The due date must be on or after the start date");
        }

        // Counted rather than walked day by day, so the cost does not grow with the length of the step: every
        // whole week holds five working days, leaving at most six days to look at, then the holidays inside.
        var length = due.DayNumber - start.DayNumber + 1;
        var weeks = length / 7;
        var days = weeks * 5;
        for (var offset = weeks * 7; offset < length; offset++)
        {
            if (IsWeekday(DateOnly.FromDayNumber(start.DayNumber + offset)))
            {
                days++;
            }
        }

        days -= holidays.Count(h => h >= start && h <= due && IsWeekday(h));
        return days;
    }

    /// <summary>
    /// Whether a step due on <paramref name="due"/> and finished on <paramref name="finished"/> finished inside its
    /// box: on or before its due date, or later with no working day in between (the rule that plans a step).
    /// </summary>
    public static bool FinishedInBox(DateOnly due, DateOnly finished, IReadOnlySet<DateOnly> holidays) =>
        finished <= due || WorkingDays(due.AddDays(1), finished, holidays) == 0;

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Refuses a step planned longer than the box, suggesting it be split, unless a leader has overridden it.</summary>
    public static void Check(DateOnly start, DateOnly due, IReadOnlySet<DateOnly> holidays, int maximum, bool overridden)
    {
        var length = WorkingDays(start, due, holidays);
        if (length > maximum && !overridden)
        {
            throw new RuleViolation("dueDate",
                $"This step is planned for {length} working days, more than the {maximum} a step may take. Split it into smaller steps, or ask a leader to allow it");
        }
    }
}
