using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>The steps toward one outcome, by status.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class OutcomeBoardModel(StepService steps, OutcomeService outcomes, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Outcome Outcome { get; private set; } = null!;

    public BoardView Board { get; private set; } = null!;

    /// <summary>Steps go toward open outcomes only.</summary>
    public bool CanPropose => organisation.Can(Permission.ManageSteps) && Outcome.IsOpen;

    public async Task<IActionResult> OnGetAsync(Guid id, bool all, CancellationToken cancellationToken)
    {
        if (await outcomes.FindAsync(id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Outcome = detail.Summary.Outcome;
        var list = await steps.ListAsync(new StepFilter(OutcomeId: id), cancellationToken);
        var slug = organisation.Organisation.Slug;
        Board = new BoardView(slug, $"/{slug}/outcomes/{id}/steps", StepBoard.Columns(list, all), organisation.Can(Permission.ManageSteps), all);
        // An address such as ?all=maybe reads as "no", not as a mistake in a form.
        ModelState.Clear();
        this.ShowRefusedMove();
        return Page();
    }
}
