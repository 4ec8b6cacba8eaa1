using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Mindset;
using Waypoint.Core.Outcomes;
using Waypoint.Features.Outcomes;
using Waypoint.Features.Shared;
using Waypoint.Features.Teams;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Mindset;

/// <summary>
/// One feature of a closed campaign's results: its statements, the mean and spread of answers per shown group, and
/// its comments (named by group only when that group is shown). Leaders and admins can turn it into an outcome.
/// </summary>
[Authorize(Policy = Policies.ViewSurveyResults)]
[PostPolicy(Policies.ManageOutcomes)]
public sealed class FeatureResultsModel(ResultsService results, TeamService teams, OrganisationContext organisation) : PageModel
{
    public OrganisationContext Organisation => organisation;

    public bool CanCreateOutcome => organisation.Can(Permission.ManageOutcomes);

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int Number { get; set; }

    public ResultsView View { get; private set; } = null!;

    public Feature Feature { get; private set; } = null!;

    public FeatureResult Result { get; private set; } = null!;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? UserNeed { get; set; }

    [BindProperty]
    public string? DoneMeans { get; set; }

    [BindProperty]
    public Guid? TeamId { get; set; }

    [BindProperty]
    public DateParts TargetDate { get; set; } = new();

    public List<(string Value, string Text)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        if (CanCreateOutcome && await results.SuggestOutcomeAsync(Id, Number, cancellationToken) is { } suggestion)
        {
            (Title, UserNeed, DoneMeans, TeamId) = (suggestion.Title, suggestion.UserNeed, suggestion.DoneMeans, suggestion.TeamId);
            TargetDate = DateParts.From(suggestion.TargetDate);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        try
        {
            // Shown to the whole organisation, with no service or parent yet: both can be set on the outcome later.
            var input = new OutcomeInput(TeamId, Title, UserNeed, DoneMeans, FormValues.Date(TargetDate, "targetDate", "target date"), null, Visibility.Organisation, null);
            var outcome = await results.CreateOutcomeAsync(Id, Number, input, cancellationToken);
            return outcome is null ? NotFound() : Redirect($"/{organisation.Organisation.Slug}/outcomes/{outcome.Id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.Add(violation);
            return Page();
        }
    }

    /// <returns>A result to answer with instead of the page, or null when the page can be shown.</returns>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        ResultsView? view;
        try
        {
            view = await results.ResultsAsync(Id, cancellationToken);
        }
        catch (RuleViolation)
        {
            // Before closing there are no results: the campaign's results page says so and shows the counts.
            return Redirect($"/{organisation.Organisation.Slug}/mindset/campaigns/{Id}/results");
        }

        if (view is null || view.Framework.Features.FirstOrDefault(f => f.Number == Number) is not { } feature || view.Results.Feature(Number) is not { } result)
        {
            return NotFound();
        }

        (View, Feature, Result) = (view, feature, result);
        Teams = [(string.Empty, "Choose a team"), .. (await teams.ListAsync(cancellationToken)).Select(t => (t.Id.ToString(), t.Name))];
        return null;
    }
}
