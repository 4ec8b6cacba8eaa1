using System.Security.Cryptography;
using System.Text;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Access;

public enum TokenScope
{
    Read = 0,
    Write = 1,
}

/// <summary>
/// A bearer token for the API, acting as one user in one organisation. Only a hash of the secret is kept:
/// the secret is shown once, when the token is made.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public const string Prefix = "wp_";

    private ApiToken()
    {
        Name = string.Empty;
        SecretHash = string.Empty;
    }

    private ApiToken(Guid id, Guid organisationId, Guid userId, string name, string secretHash, TokenScope scope, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        OrganisationId = organisationId;
        UserId = userId;
        Name = name;
        SecretHash = secretHash;
        Scope = scope;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>SHA-256 of the secret, as lowercase hex. The secret has 256 random bits, so a fast hash is enough.</summary>
    public string SecretHash { get; private set; }

    public TokenScope Scope { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Makes a token and returns it with the secret, which is never stored.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid organisationId, Guid userId, string name, TokenScope scope, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token must live for some time.");
        }

        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = new ApiToken(Guid.NewGuid(), organisationId, userId, Text.Required(name, 100, "name", "a token name"), Hash(secret), scope, now, now + lifetime);
        return (token, secret);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
