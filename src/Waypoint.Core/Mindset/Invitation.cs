using System.Security.Cryptography;
using System.Text;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Mindset;

/// <summary>
/// A one-time link for one invitee of a group. Only a hash of the token is kept, and nothing about the person:
/// not their name, not their email. Answering flips <see cref="Spent"/> and records nothing else — no time, no
/// response — so a spent invitation cannot be joined to the answers given with it.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    private Invitation()
    {
        TokenHash = string.Empty;
    }

    private Invitation(Guid id, Guid organisationId, Guid campaignId, Guid groupId, string tokenHash)
    {
        Id = id;
        OrganisationId = organisationId;
        CampaignId = campaignId;
        GroupId = groupId;
        TokenHash = tokenHash;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>SHA-256 of the token, as lowercase hex. The token has 256 random bits, so a fast hash is enough.</summary>
    public string TokenHash { get; private set; }

    public bool Spent { get; private set; }

    /// <summary>Makes an invitation and returns it with its token, which is never stored.</summary>
    public static (Invitation Invitation, string Token) Issue(RespondentGroup group)
    {
        var token = RespondentGroup.Base64Url(RandomNumberGenerator.GetBytes(32));
        // A random id, not a time-ordered one, so the id says nothing about when or in what order it was made.
        return (new Invitation(Guid.NewGuid(), group.OrganisationId, group.CampaignId, group.Id, Hash(token)), token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Refuses a spent invitation, then spends it.</summary>
    public void Spend()
    {
        if (Spent)
        {
            throw new RuleViolation("token", Response.SpentMessage);
        }

        Spent = true;
    }
}
