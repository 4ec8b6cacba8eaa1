using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>Closing an open campaign before its closing date: asked for on a page of its own, because it cannot be undone.</summary>
[Authorize(Policy = Policies.ManageSurveys)]
[EditsRecord(typeof(Core.Mindset.Campaign))]
public sealed class CloseModel(CampaignService campaigns, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    public CampaignView View { get; private set; } = null!;

    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Revision = view.Campaign.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        try
        {
            await campaigns.CloseNowAsync(Id, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/mindset/campaigns/{Id}/results");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(string.Empty, violation.Message);
            return Page();
        }
    }

    public bool IsOpen => View.State == CampaignState.Open;
}
