using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Core;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

[Authorize(Policy = Policies.ManageSurveys)]
[EditsRecord(typeof(Core.Mindset.Campaign))]
public sealed class EditCampaignModel(CampaignService campaigns, FrameworkService frameworks, OrganisationContext organisation)
    : CampaignFormModel(frameworks, organisation)
{
    [FromRoute]
    public Guid Id { get; set; }

    public string CampaignName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var campaign = view.Campaign;
        (CampaignName, Name, FrameworkId, OpensOn, ClosesOn) = (campaign.Name, campaign.Name, campaign.FrameworkId, DateParts.From(campaign.OpensOn), DateParts.From(campaign.ClosesOn));
        Revision = campaign.Revision;
        await LoadFrameworksAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        CampaignName = view.Campaign.Name;
        try
        {
            await campaigns.UpdateAsync(Id, Input(), cancellationToken);
            return Redirect($"/{Organisation.Organisation.Slug}/mindset/campaigns/{Id}");
        }
        catch (RuleViolation violation)
        {
            return await RefusedAsync(violation, cancellationToken);
        }
    }
}
