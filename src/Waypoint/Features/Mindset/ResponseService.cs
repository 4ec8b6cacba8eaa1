using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>Everything a respondent gives: an answer to every statement, and optional comments per feature.</summary>
public sealed record SubmissionInput(IReadOnlyList<AnswerInput>? Answers, IReadOnlyList<CommentInput>? Comments);

/// <summary>What a respondent sees: the campaign, their group, when it closes, and the framework's features and statements.</summary>
public sealed record SurveyForm(string CampaignName, string Group, DateOnly ClosesOn, Framework Framework);

/// <summary>
/// Taking part, through a group's link or a one-time invitation link, with no sign-in. A response keeps no trace of
/// who gave it: see <see cref="Response"/>, and for how a spent invitation stays unlinkable, <see cref="SubmitByInvitationAsync"/>.
/// Every refusal is a <see cref="RuleViolation"/> written for the respondent.
/// </summary>
public sealed class ResponseService(WaypointDb db, TimeProvider clock)
{
    public const string UnknownGroupLinkMessage = "This survey link is not recognised. Check you copied the whole link";

    public const string ByInvitationMessage = "This group answers by invitation only. Use the link in your invitation";

    public async Task<SurveyForm> OpenByLinkAsync(string? linkCode, CancellationToken cancellationToken)
    {
        var (campaign, group, framework) = await ByLinkAsync(linkCode, cancellationToken);
        campaign.EnsureOpen(await SurveyDay.TodayAsync(db, clock, cancellationToken));
        return new SurveyForm(campaign.Name, group.Name, campaign.ClosesOn, framework);
    }

    public async Task<SurveyForm> OpenByInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var invitation = await InvitationAsync(token, cancellationToken);
        var (campaign, group, framework) = await PartsAsync(invitation.GroupId, cancellationToken);
        campaign.EnsureOpen(await SurveyDay.TodayAsync(db, clock, cancellationToken));
        return new SurveyForm(campaign.Name, group.Name, campaign.ClosesOn, framework);
    }

    public async Task SubmitByLinkAsync(string? linkCode, SubmissionInput input, CancellationToken cancellationToken)
    {
        var (campaign, group, framework) = await ByLinkAsync(linkCode, cancellationToken);
        var response = Response.Submit(campaign, group, framework, input.Answers, input.Comments, await SurveyDay.TodayAsync(db, clock, cancellationToken));
        db.MindsetResponses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Spends the invitation and stores the response in one transaction: both, or neither. The invitation row only
    /// flips <see cref="Invitation.Spent"/>; nothing joins it to the response — no shared id, no time. So that not even
    /// the engine's own row stamps (PostgreSQL's <c>xmin</c>, the id of the transaction that last wrote a row) single
    /// out the invitation just spent, the same statement rewrites every invitation of the campaign: afterwards all of
    /// them carry the stamp of the latest submission, and none says when it was spent.
    /// </summary>
    public async Task SubmitByInvitationAsync(string? token, SubmissionInput input, CancellationToken cancellationToken)
    {
        var invitation = await InvitationAsync(token, cancellationToken);
        var (campaign, group, framework) = await PartsAsync(invitation.GroupId, cancellationToken);
        // Every answer is checked before anything is written: a refused response spends nothing.
        var response = Response.Submit(campaign, group, framework, input.Answers, input.Comments, await SurveyDay.TodayAsync(db, clock, cancellationToken));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.Invitations.Where(i => i.Id == invitation.Id && !i.Spent)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Spent, true), cancellationToken);
        if (spent == 0)
        {
            // Someone used the same link a moment ago.
            throw new RuleViolation("token", Response.SpentMessage);
        }

        await db.Invitations.Where(i => i.CampaignId == campaign.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Spent, i => i.Spent), cancellationToken);
        db.MindsetResponses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(Campaign, RespondentGroup, Framework)> ByLinkAsync(string? linkCode, CancellationToken cancellationToken)
    {
        var code = linkCode?.Trim();
        var group = string.IsNullOrEmpty(code) ? null
            : await db.RespondentGroups.AsNoTracking().SingleOrDefaultAsync(g => g.LinkCode == code, cancellationToken);
        if (group is null)
        {
            throw new RuleViolation("link", UnknownGroupLinkMessage);
        }

        if (group.ByInvitation)
        {
            throw new RuleViolation("link", ByInvitationMessage);
        }

        return await PartsAsync(group.Id, cancellationToken);
    }

    private async Task<Invitation> InvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = string.IsNullOrWhiteSpace(token) ? null : Invitation.Hash(token.Trim());
        var invitation = hash is null ? null
            : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            throw new RuleViolation("token", Response.UnknownLinkMessage);
        }

        if (invitation.Spent)
        {
            throw new RuleViolation("token", Response.SpentMessage);
        }

        return invitation;
    }

    private async Task<(Campaign, RespondentGroup, Framework)> PartsAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.RespondentGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, cancellationToken);
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleAsync(c => c.Id == group.CampaignId, cancellationToken);
        var framework = await db.MindsetFrameworks.AsNoTracking().SingleAsync(f => f.Id == campaign.FrameworkId, cancellationToken);
        return (campaign, group, framework);
    }
}
