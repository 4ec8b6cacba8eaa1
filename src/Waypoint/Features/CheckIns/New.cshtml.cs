using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.CheckIns;

/// <summary>
/// Checks in on an outcome: progress, a confidence, blockers and asks. A person who has already checked in this
/// week changes that check-in instead (an edit, which keeps the earlier one in the history).
/// </summary>
[Authorize(Policy = Policies.PostCheckIns)]
public sealed class NewModel(CheckInService checkIns, OutcomeService outcomes, OrganisationContext organisation) : PageModel
{
    public const string ConfidenceMessage = "Enter your confidence as a whole number from 0 to 100";

    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Progress { get; set; }

    [BindProperty]
    public string? Confidence { get; set; }

    [BindProperty]
    public string? Blockers { get; set; }

    [BindProperty]
    public string? Asks { get; set; }

    public Outcome Outcome { get; private set; } = null!;

    /// <summary>This person's check-in standing for this week, which posting the form changes.</summary>
    public CheckIn? Current { get; private set; }

    public DateOnly Week { get; private set; }

    /// <summary>Achieved, missed and retired outcomes take no more check-ins.</summary>
    public bool IsClosed => !Outcome.IsOpen;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Current is { } current)
        {
            Progress = current.Progress;
            Confidence = current.Confidence.ToString(CultureInfo.InvariantCulture);
            Blockers = current.Blockers;
            Asks = current.Asks;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var input = new CheckInInput(ReadConfidence(), Progress, Blockers, Asks, Edit: Current is not null);
            if (await checkIns.PostAsync(Id, input, cancellationToken) is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/outcomes/{Id}#check-ins");
        }
        catch (RuleViolation violation) when (violation.Field == "outcomeId")
        {
            // Not a field on this form: the message stands alone in the error summary.
            ModelState.AddModelError(string.Empty, violation.Message);
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
        }

        return Page();
    }

    private decimal? ReadConfidence() => ReadConfidence(Confidence, "confidence");

    /// <summary>Reads a confidence as typed ("70" or "70%"); blank is left for the rules to ask for.</summary>
    internal static decimal? ReadConfidence(string? typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim().TrimEnd('%').Trim();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RuleViolation(field, ConfidenceMessage);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await outcomes.FindAsync(Id, cancellationToken) is not { } detail
            || await checkIns.HistoryAsync(Id, cancellationToken) is not { } history)
        {
            return false;
        }

        Outcome = detail.Summary.Outcome;
        Week = CheckInPeriods.StartOf(organisation.Viewer.Today, CheckInService.Cadence);
        var me = User.UserId();
        Current = history.FirstOrDefault(v => v.CheckIn.AuthorId == me && v.CheckIn.PeriodStart == Week && !v.Superseded)?.CheckIn;
        return true;
    }
}
