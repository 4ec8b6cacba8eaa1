using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>
/// The mindset campaigns, for everyone who may see results; leaders and admins also start campaigns and set the
/// smallest group whose results are shown.
/// </summary>
[Authorize(Policy = Policies.ViewSurveyResults)]
[PostPolicy(Policies.ManageSurveys)]
[EditsRecord(typeof(Core.Organisations.Organisation), RouteKey = null)]
public sealed class IndexModel(CampaignService campaigns, MindsetSettingsService settings, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public bool CanManage => organisation.Can(Permission.ManageSurveys);

    public List<CampaignSummary> Campaigns { get; private set; } = [];

    [BindProperty]
    public string? MinimumGroupSize { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MinimumGroupSize = organisation.Organisation.MinimumGroupSize.ToString(CultureInfo.InvariantCulture);
        Revision = organisation.Organisation.Revision;
        Campaigns = await campaigns.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            int? size = int.TryParse(MinimumGroupSize?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            await settings.ChangeAsync(new MindsetSettingsInput(size), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/mindset?saved=true#smallest-group");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            Campaigns = await campaigns.ListAsync(cancellationToken);
            return Page();
        }
    }
}
