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

        var days = 0;
        for (var day = start; day <= due; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                days++;
            }
        }

        return days;
    }

    /// <summary>
    /// Whether a step due on <paramref name="due"/> and finished on <paramref name="finished"/> finished inside its
    /// box: on or before its due date, or later with no working day in between (the rule that plans a step).
    /// </summary>
    public static bool FinishedInBox(DateOnly due, DateOnly finished, IReadOnlySet<DateOnly> holidays) =>
        finished <= due || WorkingDays(due.AddDays(1), finished, holidays) == 0;

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
