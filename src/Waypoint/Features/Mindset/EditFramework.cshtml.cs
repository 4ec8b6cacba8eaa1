using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>A feature as the edit form holds it: statements one a line in a textarea.</summary>
public sealed record FeatureFields(string? Name, string? Description, string? Statements);

/// <summary>
/// Edits a framework version no campaign uses yet, in one long form: its name, and each feature's name, description
/// and statements (one a line). A feature left wholly blank is removed; the blank one at the end adds a feature.
/// </summary>
[Authorize(Policy = Policies.ManageSurveys)]
[EditsRecord(typeof(Framework))]
public sealed partial class EditFrameworkModel(FrameworkService frameworks, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    [FromRoute]
    public Guid Id { get; set; }

    public Framework Framework { get; private set; } = null!;

    public bool InUse { get; private set; }

    /// <summary>The revision of the record the form was drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public List<FeatureFields> Features { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Name = Framework.Name;
        Revision = Framework.Revision;
        Features = [.. Framework.Features.Select(f => new FeatureFields(f.Name, f.Description, string.Join("\n", f.Statements.Select(s => s.Text)))), new FeatureFields(null, null, null)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Features = [];
        for (var i = 1; Request.Form.ContainsKey($"feature-{i}-name"); i++)
        {
            Features.Add(new FeatureFields(Request.Form[$"feature-{i}-name"], Request.Form[$"feature-{i}-description"], Request.Form[$"feature-{i}-statements"]));
        }

        // The rules number features by their place among those kept; the form numbers every box, blank or not.
        var kept = Features.Select((f, i) => (Fields: f, Number: i + 1))
            .Where(f => !string.IsNullOrWhiteSpace(f.Fields.Name) || !string.IsNullOrWhiteSpace(f.Fields.Description) || !string.IsNullOrWhiteSpace(f.Fields.Statements))
            .ToList();
        var drafts = kept.Select(f => new FeatureDraft(f.Fields.Name, f.Fields.Description,
            (f.Fields.Statements ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))).ToList();
        try
        {
            await frameworks.EditAsync(Id, new FrameworkInput(Name, drafts), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/mindset/frameworks/{Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(FormField(violation.Field, kept.Select(k => k.Number).ToList()), violation.Message);
            return Page();
        }
    }

    /// <summary>The form's box for a rule's field: statement errors go to the feature's statements box.</summary>
    private static string FormField(string field, List<int> numbers)
    {
        if (FeatureField().Match(field) is { Success: true } match)
        {
            var place = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var number = place <= numbers.Count ? numbers[place - 1] : place;
            var part = match.Groups[2].Value.StartsWith("statement", StringComparison.Ordinal) ? "statements" : match.Groups[2].Value;
            return $"feature-{number}-{part}";
        }

        return field == "features" ? "feature-1-name" : "name";
    }

    [GeneratedRegex("^feature-([0-9]+)-(name|description|statement-[0-9]+)$")]
    private static partial Regex FeatureField();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await frameworks.FindAsync(Id, cancellationToken) is not { } framework)
        {
            return false;
        }

        Framework = framework;
        InUse = await frameworks.IsInUseAsync(Id, cancellationToken);
        return true;
    }
}
