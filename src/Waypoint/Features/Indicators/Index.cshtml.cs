using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Services;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Indicators;

/// <summary>The organisation's lasting indicators with their latest values.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class IndexModel(IndicatorService indicators, TeamService teams, ServiceDirectory services, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Owners Owners { get; private set; } = Owners.None;

    public List<Indicator> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Owners = await Owners.LoadAsync(teams, services, cancellationToken);
        Indicators = await indicators.ListAsync(cancellationToken);
    }
}
