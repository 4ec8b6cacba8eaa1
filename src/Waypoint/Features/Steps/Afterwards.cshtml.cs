using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Waypoint.Core.Steps;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>Afterwards, the owners say whether the risk they assessed happened: what lets leaders tune the appetite.</summary>
[Authorize(Policy = Policies.ManageSteps)]
[EditsRecord(typeof(Step))]
public sealed class AfterwardsModel(StepService steps, OrganisationContext organisation) : StepFormPageModel(steps, organisation)
{
    [BindProperty]
    public bool? Materialised { get; set; }

    [BindProperty]
    public int? Impact { get; set; }

    protected override void FillFromStep() => (Materialised, Impact) = (View.Step.RiskMaterialised, View.Step.MaterialisedImpact);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async () => await Steps.RecordAftermathAsync(Id, new AftermathInput(Materialised, Impact), cancellationToken) is null
            ? null
            : Redirect(StepUrl("afterwards")), wholeStepField: null, cancellationToken);
}
