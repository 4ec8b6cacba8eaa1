using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

/// <summary>Moves a target's baseline or goal: a re-baseline, kept with its reason and shown on the chart.</summary>
[Authorize(Policy = Policies.ManageOutcomes)]
[EditsRecord(typeof(Core.Outcomes.Target), RouteKey = "targetId")]
public sealed class RebaselineModel(OutcomeService outcomes, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid TargetId { get; set; }

    [BindProperty]
    public TargetForm Form { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public string OutcomeTitle { get; private set; } = string.Empty;

    public TargetView Target { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = TargetForm.From(Target.Target);
        Revision = Target.Target.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await outcomes.RebaselineAsync(Id, TargetId, Form.Read(Target.Indicator.Id, Reason), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/outcomes/{Id}#target-{TargetId}-heading");
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
        if (await outcomes.FindAsync(Id, cancellationToken) is not { } detail
            || detail.Summary.Targets.FirstOrDefault(t => t.Target.Id == TargetId) is not { } target)
        {
            return false;
        }

        OutcomeTitle = detail.Summary.Outcome.Title;
        Target = target;
        return true;
    }
}
