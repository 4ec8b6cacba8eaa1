using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

/// <summary>
/// Moves an outcome to another state, offering only the states its current one allows, with a reason that is kept
/// with the change (needed to mark it achieved while a target is off track). The outcome page carries a short form
/// without the reason; it posts here, so a mistake, or a reason still needed, is asked for here.
/// </summary>
[Authorize(Policy = Policies.ManageOutcomes)]
[EditsRecord(typeof(Outcome))]
public sealed class StateModel(OutcomeService outcomes, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public OutcomeState? State { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Outcome Outcome { get; private set; } = null!;

    /// <summary>The targets that make marking the outcome achieved need a reason, by name: those off track today.</summary>
    public IReadOnlyList<string> OffTrack { get; private set; } = [];

    public IReadOnlyList<OutcomeState> Next => Outcome.NextStates(Outcome.State);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Revision = Outcome.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A value that is not a state at all reads as no choice, which the rules refuse with their own words.
        ModelState.Remove(nameof(State));
        try
        {
            await outcomes.MoveAsync(Id, new StateChange(State, Reason), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/outcomes/{Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Leaders and admins may see private outcomes, so whoever reaches this page sees every outcome.
        if (await outcomes.FindAsync(Id, cancellationToken) is not { } detail)
        {
            return false;
        }

        Outcome = detail.Summary.Outcome;
        OffTrack = Outcome.ReasonNeededFor(OutcomeState.Achieved, detail.Summary.Targets.Select(t => t.Standing));
        return true;
    }
}
