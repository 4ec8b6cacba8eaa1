using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core.Mindset;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Mindset;

/// <summary>One framework version: its features and statements, a copy to edit, and its JSON to download.</summary>
[Authorize(Policy = Policies.ManageSurveys)]
public sealed class FrameworkModel(FrameworkService frameworks, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    public Framework Framework { get; private set; } = null!;

    public bool InUse { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await frameworks.FindAsync(Id, cancellationToken) is not { } framework)
        {
            return NotFound();
        }

        Framework = framework;
        InUse = await frameworks.IsInUseAsync(Id, cancellationToken);
        return Page();
    }

    /// <summary>The framework as JSON, the shape import reads.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await frameworks.ExportAsync(Id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        var name = string.Concat((document.Name ?? "framework").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
        return File(Encoding.UTF8.GetBytes(FrameworkService.ToJson(document)), "application/json", $"{name}-v{document.Version}.json");
    }

    /// <summary>Makes the next version, with the same features, and opens it for editing.</summary>
    public async Task<IActionResult> OnPostCloneAsync(CancellationToken cancellationToken)
    {
        if (await frameworks.CloneAsync(Id, cancellationToken) is not { } clone)
        {
            return NotFound();
        }

        return Redirect($"/{organisation.Organisation.Slug}/mindset/frameworks/{clone.Id}/edit");
    }
}
