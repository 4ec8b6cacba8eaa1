using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Features.Indicators;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

/// <summary>Sets a target for an outcome on one of the organisation's indicators.</summary>
[Authorize(Policy = Policies.ManageOutcomes)]
public sealed class AddTargetModel(OutcomeService outcomes, IndicatorService indicators, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? IndicatorId { get; set; }

    [BindProperty]
    public TargetForm Form { get; set; } = new();

    public string OutcomeTitle { get; private set; } = string.Empty;

    public List<(string Value, string Text)> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? indicatorId, CancellationToken cancellationToken)
    {
        IndicatorId ??= indicatorId;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await outcomes.AddTargetAsync(Id, Form.Read(IndicatorId, reason: null), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/outcomes/{Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }
        catch (RuleViolations violations)
        {
            ModelState.Add(violations);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await outcomes.FindAsync(Id, cancellationToken) is not { } detail)
        {
            return false;
        }

        OutcomeTitle = detail.Summary.Outcome.Title;
        Indicators = [(string.Empty, "Choose an indicator"), .. (await indicators.ListAsync(cancellationToken))
            .Select(i => (i.Id.ToString(), $"{i.Name} ({i.Unit}, {OutcomeWords.Direction(i.Direction).ToLowerInvariant()})"))];
        return true;
    }
}
