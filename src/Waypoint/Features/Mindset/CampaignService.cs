using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>What a person gives to create or change a campaign. <see cref="Groups"/> is read only on creation; none means the six default groups.</summary>
public sealed record CampaignInput(string? Name, Guid? FrameworkId, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<string>? Groups = null);

/// <summary>A group of a campaign with its link code and how many invitations it has (never how many were used).</summary>
public sealed record GroupView(Guid Id, string Name, string LinkCode, bool ByInvitation, int Invitations, int Revision);

/// <summary>A campaign in a list.</summary>
public sealed record CampaignSummary(Guid Id, string Name, DateOnly OpensOn, DateOnly ClosesOn, CampaignState State, Guid FrameworkId, string FrameworkName, int FrameworkVersion);

/// <summary>A campaign in full: its state today, its framework and its groups.</summary>
public sealed record CampaignView(Campaign Campaign, CampaignState State, Framework Framework, IReadOnlyList<GroupView> Groups, bool HasResponses);

/// <summary>
/// How many people of a group have answered so far, shown while a campaign is open; never a score. Below the
/// minimum group size the number is not given (<see cref="Responses"/> is none and <see cref="FewerThan"/> is the
/// minimum): a group that small will be held back, and its size is not told either. None at all is said as 0.
/// </summary>
public sealed record LiveCount(Guid GroupId, string Group, int? Responses, int? FewerThan)
{
    public static LiveCount Of(Guid groupId, string group, int responses, int minimum) =>
        responses is > 0 && responses < Suppression.EffectiveMinimum(minimum)
            ? new LiveCount(groupId, group, null, Suppression.EffectiveMinimum(minimum))
            : new LiveCount(groupId, group, responses, null);
}

/// <summary>
/// Campaigns of the mindset assessment and their groups, and the live count of answers while one is open. A closed
/// campaign never changes again (see <see cref="Campaign"/>), and its results are published before anything that
/// could alter them is changed (<see cref="ResultsPublisher"/>), so they stay as they were.
/// </summary>
public sealed class CampaignService(WaypointDb db, TimeProvider clock, ResultsPublisher publisher)
{
    public async Task<List<CampaignSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var today = await SurveyDay.TodayAsync(db, clock, cancellationToken);
        var rows = await (
                from c in db.MindsetCampaigns.AsNoTracking()
                join f in db.MindsetFrameworks on c.FrameworkId equals f.Id
                orderby c.OpensOn descending, c.Name
                select new { c, f.Name, f.Version })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CampaignSummary(r.c.Id, r.c.Name, r.c.OpensOn, r.c.ClosesOn, r.c.StateOn(today), r.c.FrameworkId, r.Name, r.Version)).ToList();
    }

    public async Task<CampaignView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = await SurveyDay.TodayAsync(db, clock, cancellationToken);
        var framework = await db.MindsetFrameworks.AsNoTracking().SingleAsync(f => f.Id == campaign.FrameworkId, cancellationToken);
        var groups = await db.RespondentGroups.AsNoTracking().Where(g => g.CampaignId == id).OrderBy(g => g.Name)
            .Select(g => new GroupView(g.Id, g.Name, g.LinkCode, g.ByInvitation, db.Invitations.Count(i => i.GroupId == g.Id), g.Revision))
            .ToListAsync(cancellationToken);
        var hasResponses = await db.MindsetResponses.AnyAsync(r => r.CampaignId == id, cancellationToken);
        return new CampaignView(campaign, campaign.StateOn(today), framework, groups, hasResponses);
    }

    public async Task<Campaign> CreateAsync(CampaignInput input, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var today = await SurveyDay.TodayAsync(db, clock, cancellationToken);
        await FrameworkAsync(input.FrameworkId, cancellationToken);
        var campaign = new Campaign(Guid.NewGuid(), organisationId, input.Name, input.FrameworkId!.Value, input.OpensOn, input.ClosesOn, clock.GetUtcNow());
        var names = input.Groups is { Count: > 0 } given ? given.Where(n => !string.IsNullOrWhiteSpace(n)).ToList() : [.. RespondentGroup.DefaultNames];
        if (names.Count == 0)
        {
            throw new RuleViolation("groups", "Add at least one group of people to ask");
        }

        var groups = new List<RespondentGroup>();
        foreach (var name in names)
        {
            groups.Add(campaign.AddGroup(Guid.NewGuid(), name, groups, today));
        }

        db.MindsetCampaigns.Add(campaign);
        db.RespondentGroups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    public async Task<Campaign?> UpdateAsync(Guid id, CampaignInput input, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var today = await SurveyDay.TodayAsync(db, clock, cancellationToken);
        if (input.FrameworkId != campaign.FrameworkId)
        {
            await FrameworkAsync(input.FrameworkId, cancellationToken);
        }

        var hasResponses = await db.MindsetResponses.AnyAsync(r => r.CampaignId == id, cancellationToken);
        campaign.Define(input.Name, input.FrameworkId ?? Guid.Empty, input.OpensOn, input.ClosesOn, hasResponses, today);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>Closes an open campaign today (a leader's decision), after which its results are shown.</summary>
    public async Task<Campaign?> CloseNowAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        campaign.CloseNow(await SurveyDay.TodayAsync(db, clock, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        // Closed means published: its results are fixed from now on.
        await publisher.PublishedAsync(campaign.Id, cancellationToken);
        return campaign;
    }

    public async Task<RespondentGroup?> AddGroupAsync(Guid campaignId, string? name, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var existing = await db.RespondentGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(cancellationToken);
        var group = campaign.AddGroup(Guid.NewGuid(), name, existing, await SurveyDay.TodayAsync(db, clock, cancellationToken));
        db.RespondentGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    public async Task<RespondentGroup?> RenameGroupAsync(Guid campaignId, Guid groupId, string? name, CancellationToken cancellationToken)
    {
        // Renaming is allowed even after closing, but closed results keep the names they were published with: they are
        // published first — once the new name is known to be allowed, so that a refused rename changes nothing.
        var groups = await db.RespondentGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(cancellationToken);
        if (groups.SingleOrDefault(g => g.Id == groupId) is null)
        {
            return null;
        }

        RespondentGroup.CheckName(name, groups, groupId);
        await publisher.PublishClosedAsync(cancellationToken);
        groups = await db.RespondentGroups.Where(g => g.CampaignId == campaignId).ToListAsync(cancellationToken);
        var group = groups.Single(g => g.Id == groupId);

        group.Rename(name, groups);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <returns>False when there is no such group.</returns>
    public async Task<bool> RemoveGroupAsync(Guid campaignId, Guid groupId, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        var groups = await db.RespondentGroups.Where(g => g.CampaignId == campaignId).ToListAsync(cancellationToken);
        var group = groups.SingleOrDefault(g => g.Id == groupId);
        if (campaign is null || group is null)
        {
            return false;
        }

        var hasResponses = await db.MindsetResponses.AnyAsync(r => r.GroupId == groupId, cancellationToken);
        campaign.EnsureCanRemove(group, groups, hasResponses, await SurveyDay.TodayAsync(db, clock, cancellationToken));
        await db.Invitations.Where(i => i.GroupId == groupId).ExecuteDeleteAsync(cancellationToken);
        db.RespondentGroups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Makes a new link for a group, for when the old one reached people it should not have.</summary>
    public async Task<RespondentGroup?> ReplaceGroupLinkAsync(Guid campaignId, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.RespondentGroups.SingleOrDefaultAsync(g => g.CampaignId == campaignId && g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        group.ReplaceLink();
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <summary>
    /// The number of answers in each group so far, while the campaign is open (all none before it opens), with
    /// groups below the minimum group size only said to be so. Once it has closed, only the results are shown, cut
    /// down so that no small group can be counted.
    /// </summary>
    public async Task<List<LiveCount>?> LiveCountsAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var organisation = await SurveyDay.OrganisationAsync(db, cancellationToken);
        if (campaign.StateOn(SurveyDay.Today(organisation, clock)) == CampaignState.Closed)
        {
            throw new RuleViolation("campaign", "This campaign has closed. See its results instead");
        }

        var counts = await db.RespondentGroups.AsNoTracking().Where(g => g.CampaignId == campaignId).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, Responses = db.MindsetResponses.Count(r => r.GroupId == g.Id) })
            .ToListAsync(cancellationToken);
        return counts.Select(c => LiveCount.Of(c.Id, c.Name, c.Responses, organisation.MinimumGroupSize)).ToList();
    }

    private async Task FrameworkAsync(Guid? frameworkId, CancellationToken cancellationToken)
    {
        if (frameworkId is not { } id || !await db.MindsetFrameworks.AnyAsync(f => f.Id == id, cancellationToken))
        {
            throw new RuleViolation("frameworkId", "Choose the framework the campaign asks about");
        }
    }
}
