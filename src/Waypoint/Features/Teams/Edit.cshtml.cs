using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Teams;

/// <summary>Adds a team (no id in the route) or changes one.</summary>
[Authorize(Policy = Policies.ManageDirectory)]
[EditsRecord(typeof(Core.Organisations.Team))]
public sealed class EditModel(TeamService teams, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [BindProperty(SupportsGet = false)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = false)]
    public string? Description { get; set; }

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await teams.FindAsync(id, cancellationToken) is not { } team)
            {
                return NotFound();
            }

            Name = team.Name;
            Description = team.Description;
            Revision = team.Revision;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var team = Id is { } id
                ? await teams.UpdateAsync(id, Name, Description, cancellationToken)
                : await teams.CreateAsync(Name, Description, cancellationToken);
            if (team is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/teams/{team.Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }
    }
}
