using System.Security.Cryptography;
using System.Text;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Mindset;

/// <summary>
/// A one-time link for one invitee of a group. Only a hash of the token is kept, and nothing about the person:
/// not their name, not their email. Spending it writes nothing on its own row: a second, unrelated hash of the
/// token (its <see cref="MarkOf">mark</see>) goes into a free place picked at random among the group's
/// invitations (<see cref="Take"/>). Whoever reads the database — its write-ahead log included — can see which
/// row changed when an answer came in, but that row is a random one, and the mark cannot be matched to the
/// invitation it came from without the token itself. So a response cannot be paired with the invitation spent
/// for it better than by chance.
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
        // Free places hold random characters as long as a mark, so that taking one never changes a row's size:
        // on PostgreSQL a row that grew could move apart from the others and so be singled out.
        SpentMark = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>SHA-256 of the token, as lowercase hex. The token has 256 random bits, so a fast hash is enough.</summary>
    public string TokenHash { get; private set; }

    /// <summary>This row's place holds a spend: the <see cref="SpentMark"/> of some invitation of the group, or (for invitations spent before marks existed) its own.</summary>
    public bool Spent { get; private set; }

    /// <summary>
    /// The mark of the invitation whose spending took this place. While the place is free it holds random
    /// characters of the same length instead (no mark can equal them); invitations made before marks existed have none.
    /// </summary>
    public string? SpentMark { get; private set; }

    /// <summary>Spent the old way, on its own row, before marks existed: such a row says so itself.</summary>
    public bool SpentOnItsOwnRow => Spent && SpentMark is null;

    /// <summary>Makes an invitation and returns it with its token, which is never stored.</summary>
    public static (Invitation Invitation, string Token) Issue(RespondentGroup group)
    {
        var token = RespondentGroup.Base64Url(RandomNumberGenerator.GetBytes(32));
        // A random id, not a time-ordered one, so the id says nothing about when or in what order it was made.
        return (new Invitation(Guid.NewGuid(), group.OrganisationId, group.CampaignId, group.Id, Hash(token)), token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// What spending the token leaves behind: SHA-256 of the token under a different prefix, so that it shares
    /// nothing with <see cref="Hash"/> and only someone holding the token can tell which invitation it marks.
    /// </summary>
    public static string MarkOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("waypoint mindset spent\n" + token)));

    /// <summary>
    /// Where a spend goes: a place picked uniformly at random among the group's free ones, so that which row
    /// changes says nothing about which invitation was used. The token's own invitation is unspent, so a group
    /// always has at least one free place for it: every mark belongs to another of its invitations.
    /// </summary>
    public static Guid PlaceFor(IReadOnlyList<Guid> free) =>
        free.Count == 0
            ? throw new InvalidOperationException("A group with an unspent invitation always has a free place.")
            : free[RandomNumberGenerator.GetInt32(free.Count)];
}
