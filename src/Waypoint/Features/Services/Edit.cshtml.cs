using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Features.People;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Services;

/// <summary>Adds a service (no id in the route) or changes one.</summary>
[Authorize(Policy = Policies.ManageDirectory)]
[EditsRecord(typeof(Core.Organisations.Service))]
public sealed class EditModel(ServiceDirectory directory, PeopleService people, OrganisationContext organisation) : PageModel
{
    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public OrganisationContext Organisation => organisation;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Guid? ServiceManagerId { get; set; }

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    public List<(string Value, string Text)> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await directory.FindAsync(id, cancellationToken) is not { } view)
            {
                return NotFound();
            }

            Name = view.Service.Name;
            Description = view.Service.Description;
            ServiceManagerId = view.Service.ServiceManagerId;
            Revision = view.Service.Revision;
        }

        await LoadManagersAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var service = Id is { } id
                ? await directory.UpdateAsync(id, Name, Description, ServiceManagerId, cancellationToken)
                : await directory.CreateAsync(Name, Description, ServiceManagerId, cancellationToken);
            if (service is null)
            {
                return NotFound();
            }

            return Redirect($"/{organisation.Organisation.Slug}/services/{service.Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            await LoadManagersAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadManagersAsync(CancellationToken cancellationToken)
    {
        Managers = [(string.Empty, "No service manager yet")];
        Managers.AddRange((await people.ListAsync(cancellationToken)).Select(m => (m.UserId.ToString(), $"{m.DisplayName} ({m.Email})")));
    }
}
