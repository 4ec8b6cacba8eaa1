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

/// <summary>
/// Writes up what a step taught and, if the person wants, closes it in the same go: a step cannot close without
/// its learning, so doing both in one form saves a round trip.
/// </summary>
[Authorize(Policy = Policies.ManageSteps)]
[EditsRecord(typeof(Step))]
public sealed class WriteLearningModel(StepService steps, OrganisationContext organisation) : StepFormPageModel(steps, organisation)
{
    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? NextSteps { get; set; }

    [BindProperty]
    public bool IsPublic { get; set; }

    /// <summary>Done or Stopped to close the step too; empty to leave it as it is.</summary>
    [BindProperty]
    public string? Close { get; set; }

    /// <summary>The ways this step may close from where it is.</summary>
    public IReadOnlyList<StepStatus> Closings => Step.NextStatuses(View.Step.Status).Where(s => s is StepStatus.Done or StepStatus.Stopped).ToList();

    protected override void FillFromStep()
    {
        if (View.Learning is { } learning)
        {
            (WhatHappened, Evidence, NextSteps, IsPublic) = (learning.WhatHappened, learning.Evidence, learning.NextSteps, learning.IsPublic);
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            StepStatus? close = Enum.TryParse<StepStatus>(Close, out var status) && Closings.Contains(status) ? status : null;
            if (!string.IsNullOrEmpty(Close) && close is null)
            {
                throw new RuleViolation("close", "Choose whether to close the step, from the choices given");
            }

            if (await Steps.WriteLearningAsync(Id, new LearningInput(WhatHappened, Evidence, NextSteps, IsPublic), cancellationToken) is null)
            {
                return null;
            }

            try
            {
                if (close is { } closing)
                {
                    await Steps.MoveAsync(Id, closing, cancellationToken);
                }
            }
            catch (RuleViolation violation)
            {
                // The learning is kept; only the closing was refused (the step changed since the form was drawn).
                TempData[StepBoard.RefusedKey] = $"What was learned is saved, but the step did not close: {violation.Message}";
            }

            return Redirect(StepUrl("learning"));
        }, wholeStepField: null, cancellationToken);
}
