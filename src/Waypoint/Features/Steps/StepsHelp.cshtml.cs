using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>
/// Steps, the time box, the risk gate and the reports in plain English. The numbers come from Core and from the
/// organisation's own rules, so the words cannot drift from what the gate and the reports do.
/// </summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class StepsHelpModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public StepRules? Rules { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await steps.RulesAsync(cancellationToken);
}
