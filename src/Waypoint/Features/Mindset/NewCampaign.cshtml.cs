using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

[Authorize(Policy = Policies.ManageSurveys)]
public sealed class NewCampaignModel(CampaignService campaigns, FrameworkService frameworks, OrganisationContext organisation)
    : CampaignFormModel(frameworks, organisation)
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadFrameworksAsync(cancellationToken);
        FrameworkId = Guid.TryParse(Frameworks.Skip(1).FirstOrDefault().Value, out var first) ? first : null;
        var today = Organisation.Viewer.Today;
        Name = $"Digital mindset {today.Year}";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var campaign = await campaigns.CreateAsync(Input(), cancellationToken);
            return Redirect($"/{Organisation.Organisation.Slug}/mindset/campaigns/{campaign.Id}");
        }
        catch (RuleViolation violation)
        {
            return await RefusedAsync(violation, cancellationToken);
        }
    }
}
