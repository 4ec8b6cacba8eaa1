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

    /// <summary>The organisation's today, by the one rule every feature uses (<see cref="OrganisationTime"/>).</summary>
    public static DateOnly Today(Organisation organisation, TimeProvider clock) => organisation.Today(clock);

    public static async Task<DateOnly> TodayAsync(WaypointDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        Today(await OrganisationAsync(db, cancellationToken), clock);
}
