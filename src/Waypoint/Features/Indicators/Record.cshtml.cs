using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Outcomes;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Indicators;

/// <summary>Records one value of an indicator, or a correction of the value already recorded for a date.</summary>
[Authorize(Policy = Policies.RecordMeasurements)]
public sealed class RecordModel(IndicatorService indicators, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DateParts Date { get; set; } = new();

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool Correction { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await indicators.FindAsync(Id, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await indicators.FindAsync(Id, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        var problems = new List<RuleViolation>();
        DateOnly? date = null;
        decimal? value = null;
        try
        {
            date = FormValues.Date(Date, "date", "date");
        }
        catch (RuleViolation violation)
        {
            problems.Add(violation);
        }

        try
        {
            value = FormValues.Number(Value, "value", "value");
        }
        catch (RuleViolation violation)
        {
            problems.Add(violation);
        }

        try
        {
            if (problems.Count == 0)
            {
                await indicators.RecordAsync(Id, new MeasurementInput(date, (double?)value, Note, Correction), MeasurementSource.Manual, cancellationToken);
                return Redirect($"/{organisation.Organisation.Slug}/indicators/{Id}");
            }
        }
        catch (RuleViolation violation)
        {
            problems.Add(violation);
        }
        catch (RuleViolations violations)
        {
            problems.AddRange(violations.Items);
        }

        foreach (var problem in problems)
        {
            ModelState.Add(problem);
        }

        return Page();
    }
}
