using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Services;

[Authorize(Policy = Policies.ViewDirectory)]
public sealed class IndexModel(ServiceDirectory directory, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public List<ServiceView> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Services = await directory.ListAsync(cancellationToken);
}
