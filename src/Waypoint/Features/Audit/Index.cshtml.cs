using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Audit;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Audit;

[Authorize(Policy = Policies.ViewAudit)]
public sealed class IndexModel(AuditTrailReader reader, OrganisationContext organisation) : PageModel
{
    public const int PageSize = 50;

    public OrganisationContext Organisation => organisation;

    public List<AuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int Total { get; private set; }

    public bool HasNext => (long)PageNumber * PageSize < Total;

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(p ?? 1, 1);
        (Entries, Total) = await reader.PageAsync(PageNumber, PageSize, cancellationToken);
    }
}
