using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.CheckIns;

/// <summary>Calibration, the Brier score and its parts in plain English.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class CalibrationHelpModel(OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;
}
