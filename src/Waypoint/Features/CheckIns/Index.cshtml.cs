using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.CheckIns;

/// <summary>The open outcomes this person has not yet checked in on this week, each with a link to its form.</summary>
[Authorize(Policy = Policies.PostCheckIns)]
public sealed class IndexModel(CheckInService checkIns, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public List<DueCheckIn> Due { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Due = await checkIns.DueAsync(cancellationToken);
}
