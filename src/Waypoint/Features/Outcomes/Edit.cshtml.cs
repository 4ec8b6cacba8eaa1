using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Services;
using Waypoint.Features.Shared;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

/// <summary>Defines an outcome (no id in the route) or changes one.</summary>
[Authorize(Policy = Policies.ManageOutcomes)]
[EditsRecord(typeof(Outcome))]
public sealed class EditModel(OutcomeService outcomes, TeamService teams, ServiceDirectory services, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? UserNeed { get; set; }

    [BindProperty]
    public string? DoneMeans { get; set; }

    [BindProperty]
    public DateParts TargetDate { get; set; } = new();

    [BindProperty]
    public Guid? TeamId { get; set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public Visibility? Visibility { get; set; }

    [BindProperty]
    public Guid? ParentId { get; set; }

    public List<(string Value, string Text)> Teams { get; private set; } = [];

    public List<(string Value, string Text)> Services { get; private set; } = [];

    public List<(string Value, string Text)> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await outcomes.FindAsync(id, cancellationToken) is not { } detail)
            {
                return NotFound();
            }

            var outcome = detail.Summary.Outcome;
            (Title, UserNeed, DoneMeans, TargetDate) = (outcome.Title, outcome.UserNeed, outcome.DoneMeans, DateParts.From(outcome.TargetDate));
            (TeamId, ServiceId, Visibility, ParentId) = (outcome.TeamId, outcome.ServiceId, outcome.Visibility, outcome.ParentId);
            Revision = outcome.Revision;
        }
        else
        {
            Visibility = Core.Outcomes.Visibility.Organisation;
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var input = new OutcomeInput(TeamId, Title, UserNeed, DoneMeans, FormValues.Date(TargetDate, "targetDate", "target date"), ServiceId, Visibility, ParentId);
            var outcome = Id is { } id
                ? await outcomes.UpdateAsync(id, input, cancellationToken)
                : await outcomes.CreateAsync(input, cancellationToken);
            if (outcome is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/outcomes/{outcome.Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Teams = [(string.Empty, "Choose a team"), .. (await teams.ListAsync(cancellationToken)).Select(t => (t.Id.ToString(), t.Name))];
        Services = [(string.Empty, "No service"), .. (await services.ListAsync(cancellationToken)).Select(s => (s.Service.Id.ToString(), s.Service.Name))];
        Parents = [(string.Empty, "No other outcome"), .. (await outcomes.ListAsync(new OutcomeFilter(), cancellationToken))
            .Where(o => o.Outcome.Id != Id)
            .OrderBy(o => o.Outcome.Title)
            .Select(o => (o.Outcome.Id.ToString(), o.Outcome.Title))];
    }
}
