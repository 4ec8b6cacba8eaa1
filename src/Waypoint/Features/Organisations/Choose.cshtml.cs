using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Features.Organisations;

/// <summary>The front door: who Waypoint is for when signed out; the organisations you belong to when signed in.</summary>
[AllowAnonymous]
public sealed class ChooseModel(WaypointDb db) : PageModel
{
    public sealed record Choice(string Slug, string Name, Role Role);

    public List<Choice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Page();
        }

        // The one cross-organisation read: a person's own memberships, to choose between them.
        Choices = await (
                from m in db.Memberships.IgnoreQueryFilters().AsNoTracking()
                join o in db.Organisations on m.OrganisationId equals o.Id
                where m.UserId == userId
                orderby o.Name
                select new Choice(o.Slug, o.Name, m.Role))
            .ToListAsync(cancellationToken);
        return Choices.Count == 1 ? Redirect($"/{Choices[0].Slug}") : Page();
    }
}
