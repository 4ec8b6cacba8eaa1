using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.People;

[Authorize(Policy = Policies.ManageMembers)]
public sealed class AddModel(PeopleService people, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; } = nameof(Core.Access.Role.Member);

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Role>(Role, out var role) || !Enum.IsDefined(role))
        {
            ModelState.AddModelError("role", "Choose a role");
            return Page();
        }

        try
        {
            await people.AddAsync(Email, DisplayName, role, string.IsNullOrEmpty(Password) ? null : Password, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/people");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }
    }
}
