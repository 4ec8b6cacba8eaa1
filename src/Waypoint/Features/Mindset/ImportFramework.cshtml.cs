using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>Adds a framework from JSON (an uploaded file or pasted text), as the next version of its name.</summary>
[Authorize(Policy = Policies.ManageSurveys)]
public sealed class ImportFrameworkModel(FrameworkService frameworks, OrganisationContext organisation) : PageModel
{
    /// <summary>A framework of 30 features with 6 long statements each is well under this.</summary>
    public const int MaxBytes = 512 * 1024;

    public OrganisationContext Organisation => organisation;

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Json { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var json = Json;
            if (Upload is { Length: > 0 } file)
            {
                if (file.Length > MaxBytes)
                {
                    throw new RuleViolation("file", "The file is too big for a framework. Choose the JSON file of a framework");
                }

                using var reader = new StreamReader(file.OpenReadStream());
                json = await reader.ReadToEndAsync(cancellationToken);
            }
            else if (string.IsNullOrWhiteSpace(json))
            {
                throw new RuleViolation("file", "Choose a framework’s JSON file, or paste its JSON");
            }

            var framework = await frameworks.ImportJsonAsync(json, cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/mindset/frameworks/{framework.Id}");
        }
        catch (RuleViolation violation)
        {
            // The rules name the part of the document that is wrong; the page has one place for it.
            ModelState.AddModelError(Upload is { Length: > 0 } ? "file" : string.IsNullOrWhiteSpace(Json) ? "file" : "json", violation.Message);
            return Page();
        }
    }
}
