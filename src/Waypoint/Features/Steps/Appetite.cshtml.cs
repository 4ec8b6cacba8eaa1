using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Steps;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

/// <summary>
/// The organisation's risk appetite per category and its rules for steps. Everyone who can see outcomes reads them;
/// leaders and admins change them, one form at a time, each all or nothing.
/// </summary>
[Authorize(Policy = Policies.ViewOutcomes)]
[PostPolicy(Policies.SetStepRules)]
[EditsRecord(typeof(StepSettings), RouteKey = null)]
public sealed class AppetiteModel(StepService steps, OrganisationContext organisation) : PageModel
{
    private const string BadScore = "Enter each level’s highest acceptable score as a whole number from 1 to 25";

    private static readonly Dictionary<string, string> SavedMessages = new(StringComparer.Ordinal)
    {
        ["appetites"] = "Appetites saved",
        ["added"] = "Category added",
        ["removed"] = "Category removed",
        ["scale"] = "Scale saved",
        ["box"] = "Longest step saved",
        ["holidays"] = "Holidays saved",
    };

    public OrganisationContext Organisation => organisation;

    public bool CanChange => organisation.Can(Permission.SetStepRules);

    public StepRules Rules { get; private set; } = new(TimeBox.DefaultMaximumWorkingDays, [], AppetiteScale.Default, [], 0, Guid.Empty);

    /// <summary>What was saved just before, from the redirect after a form.</summary>
    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    public string? SavedMessage => Saved is not null && SavedMessages.TryGetValue(Saved, out var message) ? message : null;

    /// <summary>The form sent, when it was refused: its fields show what was typed rather than what is stored.</summary>
    public string? Refused { get; private set; }

    [BindProperty]
    public string? NewCategory { get; set; }

    [BindProperty]
    public string? NewLevel { get; set; }

    [BindProperty]
    public string? RemoveCategory { get; set; }

    [BindProperty]
    public string? Averse { get; set; }

    [BindProperty]
    public string? Minimal { get; set; }

    [BindProperty]
    public string? Cautious { get; set; }

    [BindProperty]
    public string? Open { get; set; }

    [BindProperty]
    public string? Eager { get; set; }

    [BindProperty]
    public string? MaximumWorkingDays { get; set; }

    [BindProperty]
    public string? Holidays { get; set; }

    /// <summary>The level chosen for each category in the appetites form, as sent when it was refused.</summary>
    public Dictionary<string, string> ChosenLevels { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<(string Value, string Text)> Levels { get; } =
        Enum.GetValues<AppetiteLevel>().Select(l => (l.ToString(), ReportWords.Level(l))).ToList();

    /// <summary>The revision of the rules the forms were drawn from; see <see cref="EditsRecordAttribute"/>.</summary>
    [BindProperty]
    public int Revision { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Revision = Rules.Revision;
    }

    /// <summary>Each category's appetite, from one select per category.</summary>
    public Task<IActionResult> OnPostAppetitesAsync(CancellationToken cancellationToken) =>
        ChangeAsync("appetites", "appetite-0", async () =>
        {
            var current = (await steps.RulesAsync(cancellationToken)).Appetites;
            var chosen = new Dictionary<string, AppetiteLevel>(StringComparer.Ordinal);
            for (var i = 0; Request.Form[$"category-{i}"] is { Count: > 0 } category; i++)
            {
                // A select that was not sent at all leaves its category as it is.
                if (Request.Form[$"appetite-{i}"] is not { Count: > 0 } sent)
                {
                    continue;
                }

                var text = sent.ToString();
                ChosenLevels[category.ToString()] = text;
                chosen[category.ToString()] = ParseLevel(text, $"appetite-{i}");
            }

            // Categories added or removed since the page was loaded stay as they are now.
            var wanted = current.Select(a => a with { Level = chosen.GetValueOrDefault(a.Category, a.Level) }).ToList();
            return new StepRulesInput(null, null, null, wanted);
        });

    public Task<IActionResult> OnPostAddCategoryAsync(CancellationToken cancellationToken) =>
        ChangeAsync("added", "newCategory", async () =>
        {
            var level = ParseLevel(NewLevel, "newLevel");
            if (string.IsNullOrWhiteSpace(NewCategory))
            {
                throw new RuleViolation("newCategory", "Enter a name for the new risk category");
            }

            var current = (await steps.RulesAsync(cancellationToken)).Appetites;
            return new StepRulesInput(null, null, null, [.. current, new CategoryAppetite(NewCategory.Trim(), level)]);
        }, keep: ["newLevel"]);

    public Task<IActionResult> OnPostRemoveCategoryAsync(CancellationToken cancellationToken) =>
        ChangeAsync("removed", "removeCategory", async () =>
        {
            var current = (await steps.RulesAsync(cancellationToken)).Appetites;
            if (!current.Any(a => a.Category == RemoveCategory))
            {
                throw new RuleViolation("removeCategory", "Choose a category to remove");
            }

            return new StepRulesInput(null, null, null, current.Where(a => a.Category != RemoveCategory).ToList());
        });

    public Task<IActionResult> OnPostScaleAsync(CancellationToken cancellationToken) =>
        ChangeAsync("scale", "scale", () =>
        {
            var scores = new[] { Averse, Minimal, Cautious, Open, Eager }.Select(s => ReportWords.WholeNumber(s, "scale", BadScore)).ToArray();
            return Task.FromResult(new StepRulesInput(null, null, AppetiteScale.Checked(scores[0], scores[1], scores[2], scores[3], scores[4]), null));
        });

    public Task<IActionResult> OnPostBoxAsync(CancellationToken cancellationToken) =>
        ChangeAsync("box", "maximumWorkingDays", () =>
        {
            var days = ReportWords.WholeNumber(MaximumWorkingDays, "maximumWorkingDays",
                $"Enter the longest a step may take, from 1 to {StepSettings.LongestBox} working days");
            return Task.FromResult(new StepRulesInput(days, null, null, null));
        });

    public Task<IActionResult> OnPostHolidaysAsync(CancellationToken cancellationToken) =>
        ChangeAsync("holidays", "holidays", () => Task.FromResult(new StepRulesInput(null, ReportWords.ReadHolidays(Holidays), null, null)));

    /// <summary>
    /// Reads one form and saves it, or shows the page again with the error against that form's field (another
    /// field of the same form keeps its own) and nothing changed.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string saved, string field, Func<Task<StepRulesInput>> read, string[]? keep = null)
    {
        var cancellationToken = HttpContext.RequestAborted;
        try
        {
            await steps.SetRulesAsync(await read(), cancellationToken);
            return Redirect($"/{organisation.Organisation.Slug}/risk-appetite?saved={saved}");
        }
        catch (RuleViolation violation)
        {
            var onField = violation.Field == field || violation.Field.StartsWith("appetite-", StringComparison.Ordinal) || (keep?.Contains(violation.Field) ?? false);
            ModelState.Add(onField ? violation : new RuleViolation(field, violation.Message));
            Refused = saved;
            Saved = null;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private static AppetiteLevel ParseLevel(string? text, string field) =>
        Enum.TryParse<AppetiteLevel>(text, ignoreCase: false, out var level) && Enum.IsDefined(level)
            ? level
            : throw new RuleViolation(field, "Choose an appetite: Averse, Minimal, Cautious, Open or Eager");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await steps.RulesAsync(cancellationToken);
        if (Refused != "scale")
        {
            var scale = Rules.Scale;
            (Averse, Minimal, Cautious, Open, Eager) = (Text(scale.Averse), Text(scale.Minimal), Text(scale.Cautious), Text(scale.Open), Text(scale.Eager));
        }

        if (Refused != "box")
        {
            MaximumWorkingDays = Text(Rules.MaximumWorkingDays);
        }

        if (Refused != "holidays")
        {
            Holidays = ReportWords.HolidayLines(Rules.Holidays);
        }

        if (Refused != "added")
        {
            (NewCategory, NewLevel) = (null, RiskAppetite.DefaultLevel.ToString());
        }

        if (Refused != "appetites")
        {
            ChosenLevels.Clear();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
