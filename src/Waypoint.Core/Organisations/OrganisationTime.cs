namespace Waypoint.Core.Organisations;

/// <summary>
/// One clock per organisation: "today" is the date where the organisation is (its time zone), everywhere — statuses,
/// steps, check-ins and the survey alike. A council in London does not start Tuesday at 1am on Monday night's UTC.
/// </summary>
public static class OrganisationTime
{
    /// <summary>The organisation's zone; an unknown id (a machine without that zone) falls back to UTC rather than failing.</summary>
    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The local date in <paramref name="timeZone"/> at the instant <paramref name="now"/>.</summary>
    public static DateOnly Today(string? timeZone, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(timeZone)).DateTime);

    public static DateOnly Today(this Organisation organisation, TimeProvider clock) =>
        Today(organisation.TimeZone, clock.GetUtcNow());

    /// <summary>The local date of an instant where the organisation is, such as the day a target was re-baselined.</summary>
    public static DateOnly DateOf(this Organisation organisation, DateTimeOffset instant) =>
        Today(organisation.TimeZone, instant);
}
