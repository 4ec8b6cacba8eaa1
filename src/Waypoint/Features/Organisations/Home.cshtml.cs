using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Organisations;

[Authorize(Policy = Policies.ViewOrganisation)]
public sealed class HomeModel(WaypointDb db, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public int Teams { get; private set; }

    public int Services { get; private set; }

    public int Members { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teams = await db.Teams.CountAsync(cancellationToken);
        Services = await db.Services.CountAsync(cancellationToken);
        Members = await db.Memberships.CountAsync(cancellationToken);
    }
}
