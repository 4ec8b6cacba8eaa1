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
    /// Spends the invitation and stores the response in one transaction: both, or neither. Nothing joins the two,
    /// not even for someone reading the database files, write-ahead log included (ADR 0008):
    /// <list type="bullet">
    /// <item>The invitation's own row is not written. The token's <see cref="Invitation.MarkOf">mark</see>, a hash
    /// that cannot be matched to the invitation without the token, goes into a free place picked at random among
    /// the group's invitations: the row that changes is a random one.</item>
    /// <item>Every invitation of the campaign is rewritten in the same statements, so that PostgreSQL's row stamps
    /// (<c>xmin</c>, the transaction that last wrote a row) and row positions single out none of them. The first
    /// rewrite also locks them, so spends in one campaign take turns and the same token cannot be spent twice.</item>
    /// <item>On SQLite the write-ahead log is checkpointed and emptied straight after, so a copy of the files holds
    /// the answer only in the database itself, where rows keep no order of writing, and freed space is zeroed
    /// (<c>secure_delete</c>).</item>
    /// </list>
    /// </summary>
    public async Task SubmitByInvitationAsync(string? token, SubmissionInput input, CancellationToken cancellationToken)
    {
        var invitation = await InvitationAsync(token, cancellationToken);
        var (campaign, group, framework) = await PartsAsync(invitation.GroupId, cancellationToken);
        // Every answer is checked before anything is written: a refused response spends nothing.
        var response = Response.Submit(campaign, group, framework, input.Answers, input.Comments, await SurveyDay.TodayAsync(db, clock, cancellationToken));
        var mark = Invitation.MarkOf(token!.Trim());

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var invitations = db.Invitations.Where(i => i.CampaignId == campaign.Id);
            await invitations.ExecuteUpdateAsync(s => s.SetProperty(i => i.Spent, i => i.Spent), cancellationToken);
            if (await db.Invitations.AnyAsync(i => i.SpentMark == mark, cancellationToken))
            {
                // Someone used the same link a moment ago.
                throw new RuleViolation("token", Response.SpentMessage);
            }

            var free = await db.Invitations.Where(i => i.GroupId == group.Id && !i.Spent).Select(i => i.Id).ToListAsync(cancellationToken);
            var place = Invitation.PlaceFor(free);
            await invitations.ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Spent, i => i.Spent || i.Id == place)
                    .SetProperty(i => i.SpentMark, i => i.Id == place ? mark : i.SpentMark),
                cancellationToken);
            db.MindsetResponses.Add(response);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await EmptyWriteAheadLogAsync(cancellationToken);
    }

    /// <summary>
    /// Moves SQLite's write-ahead log into the database and empties the log file, so that it no longer holds the
    /// pages of the answer just stored beside the ones before them. If readers keep it from finishing, the next
    /// answer by invitation tries again; the answer itself is stored either way.
    /// </summary>
    private async Task EmptyWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
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

        // Spent the old way, on its own row, or since then: its mark sits in one of the group's places.
        var mark = Invitation.MarkOf(token!.Trim());
        if (invitation.SpentOnItsOwnRow || await db.Invitations.AnyAsync(i => i.SpentMark == mark, cancellationToken))
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
