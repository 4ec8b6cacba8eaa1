using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>
/// What was expected of each risk category against what happened, so leaders can tune their appetite, and the
/// open steps' risks on a 5 × 5 grid.
/// </summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class RiskReportModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public RiskOverview Overview { get; private set; } = new([], new int[5, 5], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await steps.RiskOverviewAsync(cancellationToken);
}
