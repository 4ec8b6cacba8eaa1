using Waypoint.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>What the step pages share: who is acting, and the messages one page leaves for the next.</summary>
public static class StepPages
{
    /// <summary>A move refused after the page was drawn (someone else got there first) shows in the error summary.</summary>
    public static void ShowRefusedMove(this PageModel page)
    {
        if (page.TempData[StepBoard.RefusedKey] is string refused)
        {
            page.ModelState.AddModelError(string.Empty, refused);
        }
    }

    /// <summary>A sentence the previous page left, such as what the risk gate decided.</summary>
    public static string? Notice(this PageModel page) => page.TempData[StepBoard.NoticeKey] as string;
}

/// <summary>
/// A form about one step (its risk, the sign-off, its learning, afterwards): the step is found first (404 when it
/// is not there or not visible), and a rule the change breaks shows on the form — by the field it names, or in the
/// error summary when it is about the step as a whole rather than a field.
/// </summary>
public abstract class StepFormPageModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [Microsoft.AspNetCore.Mvc.FromRoute]
    public Guid Id { get; set; }

    public StepView View { get; private set; } = null!;

    /// <summary>The revision of the step the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public int Revision { get; set; }

    protected StepService Steps => steps;

    protected string StepUrl(string section) => $"/{organisation.Organisation.Slug}/steps/{Id}#{section}";

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        FillFromStep();
        Revision = View.Step.Revision;
        return Page();
    }

    /// <summary>Puts what the step already has into the form.</summary>
    protected virtual void FillFromStep()
    {
    }

    /// <summary>Anything more the form needs besides the step.</summary>
    protected virtual Task LoadMoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Makes the change: its result (a redirect), or null when the step was not found after all. A rule broken on
    /// <paramref name="wholeStepField"/> is about the step, not a field, so it goes to the error summary.
    /// </summary>
    protected async Task<Microsoft.AspNetCore.Mvc.IActionResult> ChangeAsync(Func<Task<Microsoft.AspNetCore.Mvc.IActionResult?>> change, string? wholeStepField, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A value that is not a choice reads as no choice, which the rules ask for in their own words.
        ModelState.Clear();
        try
        {
            return await change() ?? NotFound();
        }
        catch (Waypoint.Core.RuleViolation violation) when (violation.Field == wholeStepField)
        {
            ModelState.AddModelError(string.Empty, violation.Message);
        }
        catch (Waypoint.Core.RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(Id, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        await LoadMoreAsync(cancellationToken);
        return true;
    }
}
