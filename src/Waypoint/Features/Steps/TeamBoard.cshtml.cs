using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Steps;

/// <summary>A team's steps toward all its outcomes, by status.</summary>
[Authorize(Policy = Policies.ViewOutcomes)]
public sealed class TeamBoardModel(StepService steps, TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public Team Team { get; private set; } = null!;

    public BoardView Board { get; private set; } = null!;

    public bool CanPropose => organisation.Can(Permission.ManageSteps);

    public async Task<IActionResult> OnGetAsync(Guid id, bool all, CancellationToken cancellationToken)
    {
        if (await teams.FindAsync(id, cancellationToken) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        var list = await steps.ListAsync(new StepFilter(TeamId: id), cancellationToken);
        var slug = organisation.Organisation.Slug;
        Board = new BoardView(slug, $"/{slug}/teams/{id}/steps", StepBoard.Columns(list, all), organisation.Can(Permission.ManageSteps), all);
        // An address such as ?all=maybe reads as "no", not as a mistake in a form.
        ModelState.Clear();
        this.ShowRefusedMove();
        return Page();
    }
}
