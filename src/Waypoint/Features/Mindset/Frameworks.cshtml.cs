using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>The organisation's mindset frameworks, every version, and whether a campaign uses each.</summary>
[Authorize(Policy = Policies.ManageSurveys)]
public sealed class FrameworksModel(FrameworkService frameworks, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public List<FrameworkSummary> Frameworks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Frameworks = await frameworks.ListAsync(cancellationToken);
}
