using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.CheckIns;
using Waypoint.Features.Indicators;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Outcomes;

/// <summary>A target as the outcome page shows it: how it stands, its chart and table, and every time it moved.</summary>
public sealed record TargetSection(TargetView View, ChartView Chart, IReadOnlyList<TargetRevision> Revisions);

/// <summary>An outcome: its definition, where it sits in the alignment tree, and each target with its chart.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class DetailsModel(OutcomeService outcomes, IndicatorService indicators, CheckInService checkIns, OrganisationContext organisation) : PageModel
{
    /// <summary>How many check-ins show before the rest fold away under "Older check-ins".</summary>
    public const int RecentCheckIns = 10;

    public OrganisationContext Organisation => organisation;

    public OutcomeDetail Detail { get; private set; } = null!;

    public List<TargetSection> Targets { get; private set; } = [];

    public bool CanManage => organisation.Can(Permission.ManageOutcomes);

    /// <summary>The outcome's check-ins, newest first, edited ones included and marked.</summary>
    public List<CheckInView> CheckIns { get; private set; } = [];

    public ChartView ConfidenceChart { get; private set; } = null!;

    /// <summary>Whether this person may check in here: they post check-ins, and the outcome is still open.</summary>
    public bool CanCheckIn => organisation.Can(Permission.PostCheckIns) && Detail.Summary.Outcome.IsOpen;

    /// <summary>Whether this person may propose a step here: they do the work, and the outcome is still open.</summary>
    public bool CanProposeStep => organisation.Can(Permission.ManageSteps) && Detail.Summary.Outcome.IsOpen;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await outcomes.FindAsync(id, cancellationToken) is not { } detail)
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
            Targets.Add(new TargetSection(view, Charts.ForTarget(view, revisions, values, organisation.Organisation), revisions));
        }

        CheckIns = await checkIns.HistoryAsync(id, cancellationToken) ?? [];
        ConfidenceChart = CheckInWords.ConfidenceChart(id, CheckIns);
        return Page();
    }
}
