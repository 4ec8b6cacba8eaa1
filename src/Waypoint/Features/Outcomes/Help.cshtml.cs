using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Outcomes;

/// <summary>
/// The status rules in plain English. The numbers on the page come from <see cref="Core.Outcomes.ProgressRules"/> and
/// <see cref="Core.Outcomes.CadenceRules"/>, so the words cannot drift from the rules.
/// </summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class HelpModel(OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    /// <summary>The council's time zone, in which "today" is reckoned.</summary>
    public string TimeZone => organisation.Organisation.TimeZone.Replace('_', ' ');
}
