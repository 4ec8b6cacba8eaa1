using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Indicators;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Outcomes;

/// <summary>A target as the outcome page shows it: how it stands, its chart and table, and every time it moved.</summary>
public sealed record TargetSection(TargetView View, ChartView Chart, IReadOnlyList<TargetRevision> Revisions);

/// <summary>An outcome: its definition, where it sits in the alignment tree, and each target with its chart.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class DetailsModel(OutcomeService outcomes, IndicatorService indicators, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public OutcomeDetail Detail { get; private set; } = null!;

    public List<TargetSection> Targets { get; private set; } = [];

    public bool CanManage => organisation.Can(Permission.ManageOutcomes);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await outcomes.FindAsync(id, organisation.Can(Permission.ViewPrivateOutcomes), cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        foreach (var view in detail.Summary.Targets)
        {
            var revisions = detail.Revisions.Where(r => r.TargetId == view.Target.Id).OrderBy(r => r.At).ToList();
            // From the earliest baseline the target has had, so the chart shows what each plan was measured against.
            var from = revisions.Select(r => r.PreviousBaselineDate).Append(view.Target.BaselineDate).Min();
            var values = await indicators.CurrentAsync(view.Indicator.Id, from, null, cancellationToken);
            Targets.Add(new TargetSection(view, Charts.ForTarget(view, revisions, values), revisions));
        }

        return Page();
    }
}
