using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Indicators;
using Waypoint.Features.Outcomes;
using Waypoint.Features.People;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>
/// Proposes a step (New.cshtml, no id in the route) or re-plans one (Edit.cshtml): the two pages share this model
/// and the form in _PlanForm. Anyone who does the work may propose; only a leader may let a step outgrow the box.
/// </summary>
[Authorize(Policy = Policies.ManageSteps)]
[EditsRecord(typeof(Core.Steps.Step))]
public sealed class PlanModel(StepService steps, OutcomeService outcomes, IndicatorService indicators, PeopleService people, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [BindProperty]
    public Guid? OutcomeId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Change { get; set; }

    [BindProperty]
    public Guid? IndicatorId { get; set; }

    [BindProperty]
    public string? ExpectedEffect { get; set; }

    [BindProperty]
    public string? Because { get; set; }

    [BindProperty]
    public List<Guid> Owners { get; set; } = [];

    [BindProperty]
    public DateParts StartDate { get; set; } = new();

    [BindProperty]
    public DateParts DueDate { get; set; } = new();

    [BindProperty]
    public string? BoxOverrideReason { get; set; }

    /// <summary>The outcome the step goes toward, when it is settled (given in the address, or the step's own).</summary>
    public Outcome? Outcome { get; private set; }

    /// <summary>The step being re-planned.</summary>
    public StepView? Current { get; private set; }

    public List<(string Value, string Text)> Outcomes { get; private set; } = [];

    public List<(string Value, string Text)> Indicators { get; private set; } = [];

    public List<(Guid Id, string Name)> Members { get; private set; } = [];

    public int MaximumWorkingDays { get; private set; }

    /// <summary>The revision of the step the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    /// <summary>Only leaders (and admins) may let a step run longer than the box.</summary>
    public bool CanOverrideBox => organisation.Can(Permission.SignOffSteps);


    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? outcome, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await steps.FindAsync(id, cancellationToken) is not { } view)
            {
                return NotFound();
            }

            var step = view.Step;
            (OutcomeId, Title, Change, IndicatorId, ExpectedEffect, Because) = (step.OutcomeId, step.Title, step.Change, step.IndicatorId, step.ExpectedEffect, step.Because);
            (Owners, StartDate, DueDate, BoxOverrideReason) = (step.Owners.ToList(), DateParts.From(step.StartDate), DateParts.From(step.DueDate), step.BoxOverrideReason);
            Revision = step.Revision;
        }
        else
        {
            // An outcome in the address that is not an id reads as none given: the form asks for one.
            ModelState.Clear();
            OutcomeId = outcome;
            Owners = User.UserId() is { } me ? [me] : [];
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Values that cannot be read (a made-up id) read as no choice, which the rules refuse in their own words.
        ModelState.Clear();
        try
        {
            var input = new StepInput(OutcomeId, Title, Change, IndicatorId, ExpectedEffect, Because, Owners,
                FormValues.Date(StartDate, "startDate", "start date"), FormValues.Date(DueDate, "dueDate", "due date"), BoxOverrideReason);
            var step = Id is { } id
                ? await steps.ReviseAsync(id, input, cancellationToken)
                : await steps.CreateAsync(input, cancellationToken);
            if (step is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/steps/{step.Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Current = await steps.FindAsync(id, cancellationToken);
            if (Current is null)
            {
                return false;
            }

            OutcomeId = Current.Step.OutcomeId;
        }

        var open = (await outcomes.ListAsync(new OutcomeFilter(), cancellationToken))
            .Where(o => o.Outcome.IsOpen).OrderBy(o => o.Outcome.Title, StringComparer.Ordinal).ToList();
        List<Guid> targeted = [];
        if (OutcomeId is { } outcomeId && await outcomes.FindAsync(outcomeId, cancellationToken) is { } detail)
        {
            Outcome = detail.Summary.Outcome;
            targeted = detail.Summary.Targets.Select(t => t.Indicator.Id).ToList();
        }

        Outcomes = [(string.Empty, "Choose an outcome"), .. open.Select(o => (o.Outcome.Id.ToString(), o.Outcome.Title))];
        // The outcome's own target indicators first: those are the ones a step toward it most likely moves.
        var all = await indicators.ListAsync(cancellationToken);
        Indicators = [(string.Empty, "Choose an indicator"), .. all.OrderBy(i => targeted.Contains(i.Id) ? 0 : 1).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (i.Id.ToString(), targeted.Contains(i.Id) ? $"{i.Name} (a target of this outcome)" : i.Name))];
        Members = (await people.ListAsync(cancellationToken)).Where(m => m.Role >= Role.Member)
            .OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => (m.UserId, m.DisplayName)).ToList();
        MaximumWorkingDays = (await steps.RulesAsync(cancellationToken)).MaximumWorkingDays;
        return true;
    }
}
