using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Services;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Indicators;

/// <summary>Defines an indicator (no id in the route) or changes one.</summary>
[Authorize(Policy = Policies.ManageOutcomes)]
[EditsRecord(typeof(Indicator))]
public sealed class EditModel(IndicatorService indicators, TeamService teams, ServiceDirectory services, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public Direction? Direction { get; set; }

    [BindProperty]
    public IndicatorKind? Kind { get; set; }

    [BindProperty]
    public Cadence? Cadence { get; set; }

    [BindProperty]
    public string? DataSource { get; set; }

    /// <summary>The owning team or service, as <c>team:ID</c> or <c>service:ID</c>.</summary>
    [BindProperty]
    public string? Owner { get; set; }

    public Owners Owners { get; private set; } = Owners.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await indicators.FindAsync(id, cancellationToken) is not { } indicator)
            {
                return NotFound();
            }

            (Name, Unit, Direction, Kind, Cadence) = (indicator.Name, indicator.Unit, indicator.Direction, indicator.Kind, indicator.Cadence);
            (DataSource, Owner) = (indicator.DataSource, Owners.ValueOf(indicator));
            Revision = indicator.Revision;
        }

        Owners = await Owners.LoadAsync(teams, services, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (teamId, serviceId) = Owners.Read(Owner);
            var input = new IndicatorInput(Name, Unit, Direction, Kind, Cadence, DataSource, teamId, serviceId);
            var indicator = Id is { } id
                ? await indicators.UpdateAsync(id, input, cancellationToken)
                : await indicators.CreateAsync(input, cancellationToken);
            if (indicator is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/indicators/{indicator.Id}");
        }
        catch (RuleViolation violation)
        {
            // The form has one list for the owner; the rules name the team or the service.
            ModelState.Add(violation.Field is "teamId" or "serviceId" ? new RuleViolation(Owners.Field, violation.Message) : violation);
            Owners = await Owners.LoadAsync(teams, services, cancellationToken);
            return Page();
        }
    }
}
