using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Organisations;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>The organisation in scope and today's date where it is: campaigns open and close by its calendar.</summary>
internal static class SurveyDay
{
    public static async Task<Organisation> OrganisationAsync(WaypointDb db, CancellationToken cancellationToken)
    {
        var id = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
    }

    public static DateOnly Today(Organisation organisation, TimeProvider clock)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(organisation.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    public static async Task<DateOnly> TodayAsync(WaypointDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        Today(await OrganisationAsync(db, cancellationToken), clock);
}
