using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.CheckIns;

/// <summary>
/// One person updates every open outcome of their team in one form. Outcomes left blank are skipped; the rest are
/// saved together or not at all, and every mistake is named against its outcome.
/// </summary>
[Authorize(Policy = Policies.PostCheckIns)]
public sealed class TeamModel(CheckInService checkIns, TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Team Team { get; private set; } = null!;

    public List<TeamOutcome> Outcomes { get; private set; } = [];

    /// <summary>What was typed for a row's field, so a form with mistakes comes back as it was sent.</summary>
    public string? Typed(int row, string field) => Request.HasFormContentType ? Request.Form[Name(row, field)].ToString() : null;

    public static string Name(int row, string field) => $"row-{row}-{field}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var rows = new List<(Guid, string, CheckInInput)>();
        var problems = new List<RuleViolation>();
        for (var row = 0; row < Outcomes.Count; row++)
        {
            string Read(string field) => Request.Form[Name(row, field)].ToString();
            if (new[] { "progress", "confidence", "blockers", "asks" }.All(f => string.IsNullOrWhiteSpace(Read(f))))
            {
                continue;
            }

            try
            {
                var confidence = NewModel.ReadConfidence(Read("confidence"), Name(row, "confidence"));
                rows.Add((Outcomes[row].OutcomeId, $"row-{row}", new CheckInInput(confidence, Read("progress"), Read("blockers"), Read("asks"))));
            }
            catch (RuleViolation violation)
            {
                problems.Add(violation);
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            ModelState.AddModelError(Name(0, "progress"), "Check in on at least one outcome");
            return Page();
        }

        try
        {
            if (problems.Count > 0)
            {
                throw new RuleViolations("Some check-ins need changing", problems);
            }

            await checkIns.PostManyAsync(rows, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/check-ins");
        }
        catch (RuleViolations violations)
        {
            foreach (var violation in problems.Concat(violations.Items).DistinctBy(v => v.Field))
            {
                ModelState.Add(violation);
            }

            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await teams.FindAsync(id, cancellationToken) is not { } team)
        {
            return false;
        }

        Team = team;
        Outcomes = await checkIns.TeamOutcomesAsync(id, cancellationToken);
        return true;
    }
}
