using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.People;

[Authorize(Policy = Policies.ManageMembers)]
public sealed class IndexModel(PeopleService people, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public List<MemberView> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Members = await people.ListAsync(cancellationToken);
}
