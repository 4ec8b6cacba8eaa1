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
/// Where the move buttons on the boards and the step page post. A move the rules refuse (because the step changed
/// since the page was drawn) goes back to that page with the reason, which it shows in its error summary.
/// </summary>
[Authorize(Policy = Policies.ManageSteps)]
[EditsRecord(typeof(Step))]
public sealed class MoveModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public StepStatus? Status { get; set; }

    [BindProperty]
    public string? ReturnTo { get; set; }

    public StepView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        this.ShowRefusedMove();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var back = SafeReturn();
        try
        {
            await steps.MoveAsync(Id, Status, cancellationToken);
        }
        catch (RecordChanged)
        {
            TempData[StepBoard.RefusedKey] = $"“{view.Step.Title}” did not move: someone changed the step since the page was drawn. Look at where it is now, then move it again";
        }
        catch (RuleViolation violation)
        {
            TempData[StepBoard.RefusedKey] = $"“{view.Step.Title}” did not move: {violation.Message}";
        }

        return Redirect(back);
    }

    /// <summary>Back to the page the button was on, if it is one of this organisation's; otherwise to the step.</summary>
    private string SafeReturn()
    {
        var slug = organisation.Organisation.Slug;
        return ReturnTo is { } path && Url.IsLocalUrl(path) && path.StartsWith($"/{slug}/", StringComparison.Ordinal)
            ? path
            : $"/{slug}/steps/{Id}";
    }
}
