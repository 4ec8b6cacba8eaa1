using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Steps;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>Assesses a step's risk against the organisation's appetite; the step page then says what the gate decided.</summary>
[Authorize(Policy = Policies.ManageSteps)]
public sealed class RiskModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public int? Likelihood { get; set; }

    [BindProperty]
    public int? Impact { get; set; }

    [BindProperty]
    public Reversibility? Reversibility { get; set; }

    [BindProperty]
    public string? Mitigations { get; set; }

    public StepView View { get; private set; } = null!;

    public StepRules Rules { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (View.Step.Risk is { } risk)
        {
            (Category, Likelihood, Impact, Reversibility, Mitigations) = (risk.Category, risk.Likelihood, risk.Impact, risk.Reversibility, risk.Mitigations);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A value that is not a choice reads as no choice, which the rules ask for in their own words.
        ModelState.Clear();
        try
        {
            var seePrivate = organisation.Can(Permission.ViewPrivateOutcomes);
            if (await steps.AssessAsync(Id, new RiskInput(Category, Likelihood, Impact, Reversibility, Mitigations), seePrivate, cancellationToken) is not { } result)
            {
                return NotFound();
            }

            TempData[StepBoard.NoticeKey] = result.Decision == GateDecision.WithinAppetite
                ? "The risk is within the organisation’s appetite: the step is approved automatically and may start when it is ready."
                : "The risk is above the organisation’s appetite: the step needs a leader or admin who does not own it to sign it off before it starts.";
            return Redirect($"/{organisation.Organisation.Slug}/steps/{Id}#risk");
        }
        catch (RuleViolation violation) when (violation.Field == "risk")
        {
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
        Rules = await steps.RulesAsync(cancellationToken);
        return true;
    }
}
