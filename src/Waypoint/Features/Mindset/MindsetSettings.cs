using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>The organisation's settings for the mindset assessment.</summary>
public sealed record MindsetSettingsInput(int? MinimumGroupSize);

/// <summary>
/// The smallest group whose survey results are shown. Never below 3 (<see cref="Waypoint.Core.Mindset.Suppression.MinimumFloor"/>):
/// the rule lives on <see cref="Waypoint.Core.Organisations.Organisation.ChangeMinimumGroupSize"/>. A change applies to
/// campaigns that close afterwards: every campaign already closed is published first, with the minimum it closed under.
/// </summary>
public sealed class MindsetSettingsService(WaypointDb db, ResultsPublisher publisher)
{
    public async Task<int> MinimumGroupSizeAsync(CancellationToken cancellationToken) =>
        (await OrganisationAsync(cancellationToken)).MinimumGroupSize;

    /// <summary>The organisation in scope, whose record holds the settings.</summary>
    public Task<Waypoint.Core.Organisations.Organisation> OrganisationAsync(CancellationToken cancellationToken) =>
        SurveyDay.OrganisationAsync(db, cancellationToken);

    public async Task ChangeAsync(MindsetSettingsInput input, CancellationToken cancellationToken)
    {
        // A refused change changes nothing, not even the publishing of closed results.
        Waypoint.Core.Organisations.Organisation.CheckMinimumGroupSize(input.MinimumGroupSize);
        await publisher.PublishClosedAsync(cancellationToken);
        var id = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id, cancellationToken);
        organisation.ChangeMinimumGroupSize(input.MinimumGroupSize);
        await db.SaveChangesAsync(cancellationToken);
    }
}
