using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Core.Steps;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>A leader's or admin's decision on a step whose risk is above appetite: approve or decline, with the reason.</summary>
[Authorize(Policy = Policies.SignOffSteps)]
[EditsRecord(typeof(Step))]
public sealed class DecisionModel(StepService steps, OrganisationContext organisation) : StepFormPageModel(steps, organisation)
{
    [BindProperty]
    public bool? Approve { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    // "decision" is not a field on this form: it is whose step it is, or where it stands at the gate.
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            if (await Steps.DecideAsync(Id, new DecisionInput(Approve, Reason), cancellationToken) is null)
            {
                return null;
            }

            TempData[StepBoard.NoticeKey] = Approve == true
                ? "You signed off the step’s risk: it may start."
                : "You declined the step’s risk: its owners can change the step and assess it again.";
            return Redirect(StepUrl("risk"));
        }, wholeStepField: "decision", cancellationToken);
}
