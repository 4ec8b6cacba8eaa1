using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Outcomes;
using Waypoint.Features.Services;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Indicators;

/// <summary>An indicator: its definition, a chart of its values, its whole history with corrections, and every outcome that set a target on it.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class DetailsModel(IndicatorService indicators, OutcomeService outcomes, TeamService teams, ServiceDirectory services, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Indicator Indicator { get; private set; } = null!;

    public string OwnerName { get; private set; } = string.Empty;

    public ChartView Chart { get; private set; } = null!;

    /// <summary>Every value ever recorded, newest first, corrections included.</summary>
    public List<Measurement> History { get; private set; } = [];

    /// <summary>The ids of values that a later correction replaced.</summary>
    public HashSet<Guid> Corrected { get; private set; } = [];

    public List<OutcomeSummary> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await indicators.FindAsync(id, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        OwnerName = (await Owners.LoadAsync(teams, services, cancellationToken)).NameOf(indicator);
        Chart = Charts.ForIndicator(indicator, await indicators.CurrentAsync(id, null, null, cancellationToken));
        History = await indicators.HistoryAsync(id, cancellationToken);
        Corrected = History.Where(m => m.SupersedesId is not null).Select(m => m.SupersedesId!.Value).ToHashSet();
        Outcomes = await outcomes.TargetingAsync(id, cancellationToken);
        return Page();
    }
}
