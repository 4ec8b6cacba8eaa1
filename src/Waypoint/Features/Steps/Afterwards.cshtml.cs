using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>Afterwards, the owners say whether the risk they assessed happened: what lets leaders tune the appetite.</summary>
[Authorize(Policy = Policies.ManageSteps)]
public sealed class AfterwardsModel(StepService steps, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public bool? Materialised { get; set; }

    [BindProperty]
    public int? Impact { get; set; }

    public StepView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        (Materialised, Impact) = (View.Step.RiskMaterialised, View.Step.MaterialisedImpact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        try
        {
            if (await steps.RecordAftermathAsync(Id, new AftermathInput(Materialised, Impact), this.Actor(organisation), organisation.Can(Permission.ViewPrivateOutcomes), cancellationToken) is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/steps/{Id}#afterwards");
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
