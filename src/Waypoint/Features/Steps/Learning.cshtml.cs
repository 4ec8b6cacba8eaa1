using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>What steps taught, searchable by any words in it; the latest entries when nothing is asked.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class LearningModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    public List<LearningView> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = Query?.Trim();
        Results = await steps.SearchLearningAsync(Query, cancellationToken);
    }
}
