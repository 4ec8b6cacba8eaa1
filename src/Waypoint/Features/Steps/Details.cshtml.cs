using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;
using Waypoint.Features.Indicators;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>A step: its hypothesis, dates, risk and gate decision, learning and aftermath, and what the viewer may do next.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class DetailsModel(StepService steps, IndicatorService indicators, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public StepView View { get; private set; } = null!;

    public Step Step => View.Step;

    public Indicator? Indicator { get; private set; }

    public AppetiteScale Scale { get; private set; } = AppetiteScale.Default;

    /// <summary>What the previous page wants said, such as what the risk gate decided.</summary>
    public string? Notice { get; private set; }

    public bool CanManage => organisation.Can(Permission.ManageSteps);

    public bool IsOwner => User.UserId() is { } me && Step.IsOwnedBy(me);

    public bool CanEdit => CanManage && !Step.IsClosed;

    /// <summary>A step is assessed before it starts, and may be assessed again until then.</summary>
    public bool CanAssess => CanManage && Step.WhyNotAssess() is null;

    /// <summary>Leaders and admins sign off a waiting step, unless it is their own.</summary>
    public bool CanSignOff => organisation.Can(Permission.SignOffSteps) && User.UserId() is { } me && Step.WhyNotDecide(me) is null;

    public bool CanWriteLearning => CanManage;

    /// <summary>Afterwards, the owners say whether the risk they assessed happened.</summary>
    public bool CanRecordAftermath => IsOwner && Step.IsClosed && Step.Risk is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await steps.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Indicator = await indicators.FindAsync(view.Step.IndicatorId, cancellationToken);
        Scale = (await steps.RulesAsync(cancellationToken)).Scale;
        Notice = this.Notice();
        this.ShowRefusedMove();
        return Page();
    }
}
