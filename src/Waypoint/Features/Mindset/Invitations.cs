using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;

namespace Waypoint.Features.Mindset;

/// <summary>One invitee's one-time link. It exists only in memory, on its way to the invitee.</summary>
public sealed record InvitationLetter(string Email, string Link);

/// <summary>What sending did: a file to hand over (the CSV for a mail merge), or how many were sent.</summary>
public sealed record InvitationDelivery(int Invitations, string? FileName, string? ContentType, byte[]? Content);

/// <summary>
/// Gets one-time links to invitees. The links are never stored, so whatever sends them has its one chance here.
/// Today that is a CSV for a mail merge; sending email directly can come later behind the same interface.
/// </summary>
public interface IInvitationSender
{
    Task<InvitationDelivery> SendAsync(string campaignName, string groupName, IReadOnlyList<InvitationLetter> letters, CancellationToken cancellationToken);
}

/// <summary>Hands the links over as a CSV file with the columns <c>email,link</c>, for a mail merge.</summary>
public sealed class CsvInvitationSender : IInvitationSender
{
    public Task<InvitationDelivery> SendAsync(string campaignName, string groupName, IReadOnlyList<InvitationLetter> letters, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("email,link\r\n");
        foreach (var letter in letters)
        {
            csv.Append(Field(letter.Email)).Append(',').Append(Field(letter.Link)).Append("\r\n");
        }

        var name = $"invitations-{Slug(campaignName)}-{Slug(groupName)}.csv";
        return Task.FromResult(new InvitationDelivery(letters.Count, name, "text/csv", Encoding.UTF8.GetBytes(csv.ToString())));
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}

/// <summary>The addresses of survey links. Pages map these routes; invitations and group pages print them.</summary>
public static class SurveyLinks
{
    public static string ForGroup(string organisationSlug, string linkCode) => $"/{organisationSlug}/take-part/{linkCode}";

    public static string ForInvitation(string organisationSlug, string token) => $"/{organisationSlug}/take-part/invited/{token}";
}

/// <summary>
/// Invitation lists. For each address a one-time token is made; only its hash is stored, with no trace of the
/// address, and the plain links are handed to <see cref="IInvitationSender"/> once. From its first invitation on, a
/// group answers only through such links.
/// </summary>
public sealed class InvitationService(WaypointDb db, TimeProvider clock, IInvitationSender sender)
{
    public const int MaxPerList = 5000;

    /// <summary>Reads a pasted list: addresses separated by new lines, commas or semicolons.</summary>
    public static List<string> ParseList(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <param name="origin">Where Waypoint is reached, such as <c>https://waypoint.anytown.gov.uk</c>, to make whole links.</param>
    /// <returns>Null when there is no such campaign or group.</returns>
    public async Task<InvitationDelivery?> InviteAsync(Guid campaignId, Guid groupId, IReadOnlyList<string>? emails, string origin, CancellationToken cancellationToken)
    {
        var campaign = await db.MindsetCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        var group = await db.RespondentGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.CampaignId == campaignId, cancellationToken);
        if (campaign is null || group is null)
        {
            return null;
        }

        var organisation = await SurveyDay.OrganisationAsync(db, cancellationToken);
        if (campaign.StateOn(SurveyDay.Today(organisation, clock)) == CampaignState.Closed)
        {
            throw new RuleViolation("emails", "This campaign has closed, so no one else can be invited");
        }

        var addresses = Check(emails);
        var letters = new List<InvitationLetter>(addresses.Count);
        var invitations = new List<Invitation>(addresses.Count);
        foreach (var email in addresses)
        {
            var (invitation, token) = Invitation.Issue(group);
            invitations.Add(invitation);
            letters.Add(new InvitationLetter(email, origin.TrimEnd('/') + SurveyLinks.ForInvitation(organisation.Slug, token)));
        }

        group.RequireInvitations();
        // Shuffled, so the order rows are stored in says nothing about the order of the list.
        db.Invitations.AddRange(invitations.OrderBy(i => i.Id));
        await db.SaveChangesAsync(cancellationToken);
        return await sender.SendAsync(campaign.Name, group.Name, letters, cancellationToken);
    }

    private static List<string> Check(IReadOnlyList<string>? emails)
    {
        var list = (emails ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            throw new RuleViolation("emails", "Enter the email addresses of the people to invite");
        }

        if (list.Count > MaxPerList)
        {
            throw new RuleViolation("emails", $"Invite at most {MaxPerList} people at a time");
        }

        foreach (var email in list)
        {
            if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            {
                throw new RuleViolation("emails", $"\"{email}\" is not an email address. Enter one address a line, like name@example.gov.uk");
            }
        }

        return list;
    }
}
