using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Organisations;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Teams;

[Authorize(Policy = Policies.ViewDirectory)]
public sealed class DetailsModel(TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Team Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await teams.FindAsync(id, cancellationToken) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        return Page();
    }
}
