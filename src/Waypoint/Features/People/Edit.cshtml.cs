using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.People;

/// <summary>Changes a person's role, or removes them from the organisation.</summary>
[Authorize(Policy = Policies.ManageMembers)]
[EditsRecord(typeof(Membership))]
public sealed class EditModel(PeopleService people, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    public MemberView Member { get; private set; } = null!;

    [BindProperty]
    public string? Role { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(id, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Role = member.Role.ToString();
        Revision = member.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(id, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        if (!Enum.TryParse<Role>(Role, out var role) || !Enum.IsDefined(role))
        {
            ModelState.AddModelError("role", "Choose a role");
            return Page();
        }

        try
        {
            await people.ChangeRoleAsync(id, role, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/people");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(id, cancellationToken) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Role = member.Role.ToString();
        Revision = member.Revision;
        try
        {
            await people.RemoveAsync(id, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/people");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError("remove", violation.Message);
            return Page();
        }
    }
}
