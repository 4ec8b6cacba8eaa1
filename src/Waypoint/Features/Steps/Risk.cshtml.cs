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
[EditsRecord(typeof(Step))]
public sealed class RiskModel(StepService steps, OrganisationContext organisation) : StepFormPageModel(steps, organisation)
{
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

    public StepRules Rules { get; private set; } = null!;

    protected override async Task LoadMoreAsync(CancellationToken cancellationToken) => Rules = await Steps.RulesAsync(cancellationToken);

    protected override void FillFromStep()
    {
        if (View.Step.Risk is { } risk)
        {
            (Category, Likelihood, Impact, Reversibility, Mitigations) = (risk.Category, risk.Likelihood, risk.Impact, risk.Reversibility, risk.Mitigations);
        }
    }

    // "risk" is about the step as a whole (it has started), not a field on this form.
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            if (await Steps.AssessAsync(Id, new RiskInput(Category, Likelihood, Impact, Reversibility, Mitigations), cancellationToken) is not { } result)
            {
                return null;
            }

            TempData[StepBoard.NoticeKey] = result.Decision == GateDecision.WithinAppetite
                ? "The risk is within the organisation’s appetite: the step is approved automatically and may start when it is ready."
                : result.Step.WasDeclined
                    ? "A leader declined this step before, so it needs a leader or admin who does not own it to sign it off again before it starts."
                    : "The risk is above the organisation’s appetite: the step needs a leader or admin who does not own it to sign it off before it starts.";
            return Redirect(StepUrl("risk"));
        }, wholeStepField: "risk", cancellationToken);
}
