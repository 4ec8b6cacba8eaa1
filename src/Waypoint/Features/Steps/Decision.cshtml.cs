using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>A leader's or admin's decision on a step whose risk is above appetite: approve or decline, with the reason.</summary>
[Authorize(Policy = Policies.SignOffSteps)]
public sealed class DecisionModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public bool? Approve { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public StepView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        try
        {
            if (await steps.DecideAsync(Id, new DecisionInput(Approve, Reason), this.Actor(organisation), organisation.Can(Permission.ViewPrivateOutcomes), cancellationToken) is not { } step)
            {
                return NotFound();
            }

            TempData[StepBoard.NoticeKey] = Approve == true
                ? "You signed off the step’s risk: it may start."
                : "You declined the step’s risk: its owners can change the step and assess it again.";
            return Redirect($"/{organisation.Organisation.Slug}/steps/{step.Id}#risk");
        }
        catch (RuleViolation violation) when (violation.Field == "decision")
        {
            // Not a field on this form: whose step it is, or where it stands at the gate.
            ModelState.AddModelError(string.Empty, violation.Message);
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(Id, organisation.Can(Permission.ViewPrivateOutcomes), cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
