using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>
/// The campaign form's fields, shared by the new and change pages (two pages, one form: <c>_CampaignForm</c>).
/// New campaigns start with the six default groups; groups are changed on the campaign's own page.
/// </summary>
public abstract class CampaignFormModel(FrameworkService frameworks, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? FrameworkId { get; set; }

    [BindProperty]
    public DateParts OpensOn { get; set; } = new();

    [BindProperty]
    public DateParts ClosesOn { get; set; } = new();

    public List<(string Value, string Text)> Frameworks { get; private set; } = [];

    /// <summary>The revision of the campaign the form was drawn from (0 for a new one); see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    protected CampaignInput Input() =>
        new(Name, FrameworkId, FormValues.Date(OpensOn, "opensOn", "opening date"), FormValues.Date(ClosesOn, "closesOn", "closing date"));

    protected async Task LoadFrameworksAsync(CancellationToken cancellationToken)
    {
        Frameworks = [(string.Empty, "Choose a framework"), .. (await frameworks.ListAsync(cancellationToken)).Select(f => (f.Id.ToString(), $"{f.Name}, version {f.Version}"))];
    }

    protected async Task<IActionResult> RefusedAsync(RuleViolation violation, CancellationToken cancellationToken)
    {
        ModelState.Add(violation);
        await LoadFrameworksAsync(cancellationToken);
        return Page();
    }
}
