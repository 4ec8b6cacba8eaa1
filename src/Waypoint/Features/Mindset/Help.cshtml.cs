using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// How survey results are worked out, in plain English: what a mean rests on, which figures are held back and why,
/// when results are fixed, and how figures are rounded. The numbers on the page come from Core
/// (<see cref="Core.Mindset.Suppression"/>, <see cref="MindsetWords"/>), so the words cannot drift from the rules.
/// </summary>
[Authorize(Policy = Policies.ViewSurveyResults)]
public sealed class HelpModel(OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;
}
