using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Outcomes;

namespace Waypoint.Features.Mindset;

/// <summary>A closed campaign's results, and the campaign they are compared with (the one that closed before it), if any.</summary>
public sealed record ResultsView(Campaign Campaign, Framework Framework, CampaignResults Results, Campaign? Previous);

/// <summary>
/// Results of closed campaigns, always as <see cref="ResultsPublisher"/> published them when they were first needed
/// after closing: cut by <see cref="MindsetResults"/>, so that nothing rests on fewer people than the minimum group
/// size then in force. Refusals never say how many answered in a held-back group.
/// </summary>
public sealed class ResultsService(WaypointDb db, TimeProvider clock, OutcomeService outcomes, ResultsPublisher publisher)
{
    public const string SuppressedMessage = "Results for this group are not shown: too few people in it answered for their answers to stay anonymous";

    /// <returns>Null when there is no such campaign; refused while it is open or not yet open.</returns>
    public async Task<ResultsView?> ResultsAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        campaign.EnsureClosed(await SurveyDay.TodayAsync(db, clock, cancellationToken));
        var published = await publisher.PublishedAsync(campaign.Id, cancellationToken);
        var previous = published.ComparedWithId is { } earlier
            ? await db.MindsetCampaigns.AsNoTracking().SingleAsync(c => c.Id == earlier, cancellationToken)
            : null;
        var framework = await db.MindsetFrameworks.AsNoTracking().SingleAsync(f => f.Id == campaign.FrameworkId, cancellationToken);
        return new ResultsView(campaign, framework, published.Results, previous);
    }

    /// <summary>One feature's figures for one group (or for all, when <paramref name="group"/> is null), refused when held back.</summary>
    public async Task<Cell?> CellAsync(Guid campaignId, int featureNumber, string? group, CancellationToken cancellationToken)
    {
        var view = await ResultsAsync(campaignId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var feature = view.Results.Feature(featureNumber) ?? throw new RuleViolation("featureNumber", "This campaign's framework has no feature with that number");
        if (group is null)
        {
            return feature.Total ?? throw new RuleViolation("group", "Results are not shown: too few people answered for their answers to stay anonymous");
        }

        if (!view.Results.Shown.Contains(group, StringComparer.OrdinalIgnoreCase)
            && !view.Results.Suppressed.Contains(group, StringComparer.OrdinalIgnoreCase)
            && !view.Results.NoResponses.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            throw new RuleViolation("group", "This campaign has no group with that name");
        }

        // A group with no answers and a held-back one get the same words, so neither can be told apart.
        return feature.For(group) ?? throw new RuleViolation("group", SuppressedMessage);
    }

    /// <summary>A starting point for an outcome that strengthens a feature: its title and user need, for a leader to edit.</summary>
    public async Task<OutcomeInput?> SuggestOutcomeAsync(Guid campaignId, int featureNumber, CancellationToken cancellationToken)
    {
        var (_, feature) = await FeatureAsync(campaignId, featureNumber, cancellationToken);
        if (feature is null)
        {
            return null;
        }

        return new OutcomeInput(null, $"Strengthen \"{feature.Name}\"",
            $"As people working for and with the council we need to be able to say: {feature.Statements[0].Text}",
            $"The next mindset campaign shows a higher score for \"{feature.Name}\" than this one",
            null, null, Visibility.Organisation, null);
    }

    /// <summary>
    /// Creates an outcome from a feature of a closed campaign's results, linked to both, in one transaction. The
    /// caller checks the person may manage outcomes (leaders and admins).
    /// </summary>
    public async Task<Outcome?> CreateOutcomeAsync(Guid campaignId, int featureNumber, OutcomeInput input, CancellationToken cancellationToken)
    {
        var (campaign, feature) = await FeatureAsync(campaignId, featureNumber, cancellationToken);
        if (campaign is null || feature is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await outcomes.CreateAsync(input, cancellationToken);
        outcome.ComesFrom(campaign.Id, feature.Number);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private async Task<(Campaign? Campaign, Feature? Feature)> FeatureAsync(Guid campaignId, int featureNumber, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return (null, null);
        }

        campaign.EnsureClosed(await SurveyDay.TodayAsync(db, clock, cancellationToken));
        var framework = await db.MindsetFrameworks.AsNoTracking().SingleAsync(f => f.Id == campaign.FrameworkId, cancellationToken);
        var feature = framework.Features.FirstOrDefault(f => f.Number == featureNumber)
                      ?? throw new RuleViolation("featureNumber", "This campaign's framework has no feature with that number");
        return (campaign, feature);
    }
}
