using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Organisations;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Teams;

[Authorize(Policy = Policies.ViewDirectory)]
public sealed class IndexModel(TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public List<Team> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Teams = await teams.ListAsync(cancellationToken);
}
