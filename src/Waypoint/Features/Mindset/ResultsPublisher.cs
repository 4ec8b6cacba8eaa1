using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Mindset;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>
/// Publishes a closed campaign's results once and keeps them (<see cref="PublishedResults"/>), so that what a
/// campaign showed never changes: not when the organisation's minimum group size changes, not when a group is
/// renamed. A campaign closes when its last day passes, with nobody looking, so results are published the first
/// time anything needs them: on the first read, and before a change that would alter them is applied (a new
/// minimum, a renamed group) — every closed campaign not yet published is published first, with things as they
/// were. Two requests publishing at once race on one conditional update of the campaign; the first wins and the
/// other reads what it published.
/// </summary>
public sealed class ResultsPublisher(WaypointDb db, TimeProvider clock)
{
    /// <summary>The results of a closed campaign as published, publishing them now if nobody has yet.</summary>
    public async Task<PublishedResults> PublishedAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        if (await db.PublishedResults.AsNoTracking().SingleOrDefaultAsync(p => p.CampaignId == campaignId, cancellationToken) is { } published)
        {
            return published;
        }

        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
        var organisation = await SurveyDay.OrganisationAsync(db, cancellationToken);
        var today = SurveyDay.Today(organisation, clock);

        // Changes are against what the campaign before published, so that one is published first.
        var previous = (await db.MindsetCampaigns.AsNoTracking()
                .Where(c => c.Id != campaign.Id && c.ClosesOn < campaign.ClosesOn)
                .OrderByDescending(c => c.ClosesOn).ToListAsync(cancellationToken))
            .FirstOrDefault(c => c.StateOn(today) == CampaignState.Closed);
        var earlier = previous is null ? null : await PublishedAsync(previous.Id, cancellationToken);

        var framework = await db.MindsetFrameworks.AsNoTracking().SingleAsync(f => f.Id == campaign.FrameworkId, cancellationToken);
        var groups = await db.RespondentGroups.AsNoTracking().Where(g => g.CampaignId == campaign.Id).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var responses = await db.MindsetResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var results = campaign.Publish(framework, groups, responses, organisation.MinimumGroupSize, earlier, today);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var won = await db.MindsetCampaigns.Where(c => c.Id == campaign.Id && c.PublishedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishedOn, today), cancellationToken);
        if (won == 0)
        {
            // Published a moment ago by another request: theirs is the one.
            await transaction.RollbackAsync(cancellationToken);
            return await db.PublishedResults.AsNoTracking().SingleAsync(p => p.CampaignId == campaign.Id, cancellationToken);
        }

        db.PublishedResults.Add(results);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(results).State = EntityState.Detached;
        return results;
    }

    /// <summary>Publishes every campaign that has closed without its results being published yet, oldest first.</summary>
    public async Task PublishClosedAsync(CancellationToken cancellationToken)
    {
        var today = await SurveyDay.TodayAsync(db, clock, cancellationToken);
        var unpublished = (await db.MindsetCampaigns.AsNoTracking()
                .Where(c => c.PublishedOn == null && (c.ClosedEarly || c.ClosesOn < today))
                .OrderBy(c => c.ClosesOn).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Where(c => c.StateOn(today) == CampaignState.Closed);
        foreach (var campaign in unpublished)
        {
            await PublishedAsync(campaign.Id, cancellationToken);
        }
    }
}
