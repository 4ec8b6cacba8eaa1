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
public sealed class WriteLearningModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

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

    public StepView View { get; private set; } = null!;

    /// <summary>The ways this step may close from where it is.</summary>
    public IReadOnlyList<StepStatus> Closings => Step.NextStatuses(View.Step.Status).Where(s => s is StepStatus.Done or StepStatus.Stopped).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (View.Learning is { } learning)
        {
            (WhatHappened, Evidence, NextSteps, IsPublic) = (learning.WhatHappened, learning.Evidence, learning.NextSteps, learning.IsPublic);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var seePrivate = organisation.Can(Permission.ViewPrivateOutcomes);
        StepStatus? close = Enum.TryParse<StepStatus>(Close, out var status) && Closings.Contains(status) ? status : null;
        if (!string.IsNullOrEmpty(Close) && close is null)
        {
            ModelState.AddModelError("close", "Choose whether to close the step, from the choices given");
            return Page();
        }

        try
        {
            if (await steps.WriteLearningAsync(Id, new LearningInput(WhatHappened, Evidence, NextSteps, IsPublic), this.Actor(organisation), seePrivate, cancellationToken) is null)
            {
                return NotFound();
            }
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }

        try
        {
            if (close is { } closing)
            {
                await steps.MoveAsync(Id, closing, seePrivate, cancellationToken);
            }
        }
        catch (RuleViolation violation)
        {
            // The learning is kept; only the closing was refused (the step changed since the form was drawn).
            TempData[StepBoard.RefusedKey] = $"What was learned is saved, but the step did not close: {violation.Message}";
        }

        return Redirect($"/{organisation.Organisation.Slug}/steps/{Id}#learning");
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
