using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;

namespace Waypoint.Core.CheckIns;

/// <summary>How often check-ins are expected; one per outcome per person per period.</summary>
public enum CheckInCadence
{
    Weekly = 0,
    Fortnightly = 1,
    Monthly = 2,
}

public static class CheckInPeriods
{
    /// <summary>The first day of the period a date falls in: Mondays for weeks, the 1st for months.</summary>
    public static DateOnly StartOf(DateOnly date, CheckInCadence cadence)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return cadence switch
        {
            CheckInCadence.Weekly => monday,
            // Fortnights count from Monday 1 January 2024, so everyone agrees where one starts.
            CheckInCadence.Fortnightly => monday.AddDays(-(((monday.DayNumber - new DateOnly(2024, 1, 1).DayNumber) / 7 % 2 + 2) % 2 * 7)),
            CheckInCadence.Monthly => new DateOnly(date.Year, date.Month, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
        };
    }
}

/// <summary>
/// A short, asynchronous update on an outcome, instead of a timesheet: progress in a few sentences, a confidence
/// that the outcome's target will be met by its date, blockers and asks. No hours. An edit is a new check-in that
/// supersedes the earlier one, so the history is kept.
/// </summary>
public sealed class CheckIn : ITenantOwned
{
    public const int TextMaxLength = 2000;

    private CheckIn()
    {
        Progress = string.Empty;
    }

    private CheckIn(Guid id, Guid organisationId, Guid outcomeId, Guid authorId, DateOnly periodStart, int confidence, string progress, string? blockers, string? asks, DateTimeOffset at, Guid? supersedes)
    {
        Id = id;
        OrganisationId = organisationId;
        OutcomeId = outcomeId;
        AuthorId = authorId;
        PeriodStart = periodStart;
        Confidence = confidence;
        Progress = progress;
        Blockers = blockers;
        Asks = asks;
        At = at;
        SupersedesId = supersedes;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>The first day of the cadence period this check-in is for.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>How likely, in whole percent, the author thinks it is that the outcome's target is met by its date.</summary>
    public int Confidence { get; private set; }

    public string Progress { get; private set; }

    public string? Blockers { get; private set; }

    public string? Asks { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The check-in this one edits, if it is an edit.</summary>
    public Guid? SupersedesId { get; private set; }

    /// <summary>
    /// Posts a check-in. <paramref name="current"/> is the author's check-in standing for this period, if any: a
    /// second one in the same period must be an explicit edit of it. <paramref name="today"/> is the organisation's
    /// local date, which decides the period; <paramref name="now"/> is the instant it was posted.
    /// </summary>
    public static CheckIn Post(Outcome outcome, Guid authorId, CheckInCadence cadence, decimal? confidence, string? progress, string? blockers, string? asks, bool isEdit, CheckIn? current, DateOnly today, DateTimeOffset now)
    {
        if (!outcome.IsOpen)
        {
            throw new RuleViolation("outcomeId", $"This outcome is {outcome.State}: it takes no more check-ins");
        }

        if (confidence is not { } c || c != decimal.Truncate(c) || c < 0 || c > 100)
        {
            throw new RuleViolation("confidence", "Enter your confidence as a whole number from 0 to 100");
        }

        var text = Text.Required(progress, TextMaxLength, "progress", "a few sentences on progress");
        var period = CheckInPeriods.StartOf(today, cadence);
        if (current is not null && current.PeriodStart == period && !isEdit)
        {
            throw new RecordConflict("progress", "You have already checked in on this outcome this period. Change that check-in instead");
        }

        if (isEdit && (current is null || current.PeriodStart != period))
        {
            throw new RuleViolation("progress", "There is no check-in of yours this period to change");
        }

        return new CheckIn(Guid.NewGuid(), outcome.OrganisationId, outcome.Id, authorId, period, (int)c, text,
            Text.Optional(blockers, TextMaxLength, "blockers", "blockers"), Text.Optional(asks, TextMaxLength, "asks", "asks for help"),
            now, isEdit ? current!.Id : null);
    }
}
