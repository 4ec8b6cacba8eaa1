using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>
/// A closed campaign's results, already cut down by <see cref="Waypoint.Core.Mindset.MindsetResults"/>: the page shows
/// only published figures and names held-back groups without a count. Before closing it shows the counts of answers.
/// </summary>
[Authorize(Policy = Policies.ViewSurveyResults)]
public sealed class ResultsModel(ResultsService results, CampaignService campaigns, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    public ResultsView? Results { get; private set; }

    /// <summary>Before closing: why there are no results yet, and the campaign with its counts.</summary>
    public string? NotYet { get; private set; }

    public CampaignView? Campaign { get; private set; }

    public List<LiveCount>? Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Results = await results.ResultsAsync(Id, cancellationToken);
            return Results is null ? NotFound() : Page();
        }
        catch (RuleViolation violation)
        {
            NotYet = violation.Message;
            Campaign = await campaigns.FindAsync(Id, cancellationToken);
            Counts = await campaigns.LiveCountsAsync(Id, cancellationToken);
            return Campaign is null ? NotFound() : Page();
        }
    }
}
