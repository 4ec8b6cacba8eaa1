using Waypoint.Core.Organisations;

namespace Waypoint.Data;

/// <summary>
/// A creating request sent with an <c>Idempotency-Key</c>, and the answer it got, kept for 24 hours so that a repeat
/// (a retry after a lost connection, a double click in a script) is answered the same way instead of creating twice.
/// Keys belong to the person (or token owner) who sent them, in one organisation. Stored in the same transaction as
/// what the request created, so either both are kept or neither (ADR 0011).
/// </summary>
public sealed class IdempotentRequest : ITenantOwned
{
    public const int KeyMaxLength = 255;

    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotentRequest()
    {
        Key = string.Empty;
        Fingerprint = string.Empty;
        Body = [];
    }

    public IdempotentRequest(Guid organisationId, Guid personId, string key, string fingerprint, int status, string? contentType, string? location, string? etag, byte[] body, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        PersonId = personId;
        Key = key;
        Fingerprint = fingerprint;
        Status = status;
        ContentType = contentType;
        Location = location;
        ETag = etag;
        Body = body;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid PersonId { get; private set; }

    public string Key { get; private set; }

    /// <summary>A hash of the method, path and body: the same key with a different request is refused, not replayed.</summary>
    public string Fingerprint { get; private set; }

    public int Status { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    public byte[] Body { get; private set; }

    public DateTimeOffset At { get; private set; }
}
