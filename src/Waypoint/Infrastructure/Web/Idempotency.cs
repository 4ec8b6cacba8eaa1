using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// <c>Idempotency-Key</c> on the API's creating POSTs. The first request with a key runs in one database transaction
/// together with the record of its answer; a repeat within 24 hours — sent again after a lost connection, or racing
/// the first — gets the first answer again (with <c>Idempotent-Replayed: true</c>) and creates nothing. Of two racing
/// requests with one key the database keeps the first answer (a unique index), and the second's work is rolled back.
/// The same key with a different request is refused (422). Only answers that created something (2xx) are kept: after a
/// refusal the client may correct the request and send it with the same key. See ADR 0011.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, WaypointDb db, OrganisationContext organisation, TimeProvider clock)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Headers.TryGetValue(Header, out var sent) || !Problems.IsApi(context)
            || !organisation.HasOrganisation || context.User.UserId() is not { } person
            // An answer to a survey is tied to no one: it is never remembered under anybody's key.
            || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }

        var key = sent.ToString();
        if (key.Length is 0 or > IdempotentRequest.KeyMaxLength || key.Any(c => c is < '!' or > '~') || sent.Count > 1)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The request is not valid",
                $"Send one {Header} of 1 to {IdempotentRequest.KeyMaxLength} visible ASCII characters, such as a UUID.",
                new Dictionary<string, string[]> { [Header] = [$"Send 1 to {IdempotentRequest.KeyMaxLength} visible ASCII characters"] });
            return;
        }

        var fingerprint = await FingerprintAsync(request, context.RequestAborted);
        var now = clock.GetUtcNow();
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        IdempotentRequest? earlier;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
            // Looked up inside the transaction: on SQLite, a copy that waited for the first to commit sees its answer.
            earlier = await FindAsync(db, person, key, now, context.RequestAborted);
            if (earlier is null)
            {
                await next(context);
                if (context.Response.StatusCode is >= 200 and < 300 && await KeepAsync(context, db, organisation, person, key, fingerprint, buffer, now))
                {
                    await transaction.CommitAsync(context.RequestAborted);
                }
                else
                {
                    // Refused, or a copy racing this one was kept first (on PostgreSQL the clash shows only now): undo
                    // whatever this one did, and if the key was answered meanwhile, give that answer instead.
                    await transaction.RollbackAsync(context.RequestAborted);
                    db.ChangeTracker.Clear();
                    earlier = await FindAsync(db, person, key, now, context.RequestAborted);
                }
            }
        }
        finally
        {
            context.Response.Body = body;
        }

        if (earlier is not null)
        {
            ResetResponse(context);
            await AnswerAgainAsync(context, earlier, fingerprint);
            return;
        }

        if (!context.Response.HasStarted && buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>Keeps the answer under its key, in the request's transaction; false when a racing copy kept one first.</summary>
    private static async Task<bool> KeepAsync(HttpContext context, WaypointDb db, OrganisationContext organisation, Guid person, string key, string fingerprint, MemoryStream buffer, DateTimeOffset now)
    {
        // A key older than its lifetime may be used again: forget the old answer in the same transaction.
        await db.IdempotentRequests.Where(r => r.PersonId == person && r.Key == key && r.At <= now - IdempotentRequest.Lifetime)
            .ExecuteDeleteAsync(context.RequestAborted);
        db.IdempotentRequests.Add(new IdempotentRequest(organisation.Organisation.Id, person, key, fingerprint, context.Response.StatusCode,
            context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
            context.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null, buffer.ToArray(), now));
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
            return true;
        }
        catch (RecordConflict)
        {
            return false;
        }
    }

    private static Task<IdempotentRequest?> FindAsync(WaypointDb db, Guid person, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.IdempotentRequests.AsNoTracking()
            .Where(r => r.PersonId == person && r.Key == key && r.At > now - IdempotentRequest.Lifetime)
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task AnswerAgainAsync(HttpContext context, IdempotentRequest earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key already used",
                "This Idempotency-Key was used in the last 24 hours for a different request. Use a new key for a new request.");
            return;
        }

        var response = context.Response;
        response.StatusCode = earlier.Status;
        response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is { } location)
        {
            response.Headers.Location = location;
        }

        if (earlier.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        if (earlier.ContentType is { } type)
        {
            response.ContentType = type;
        }

        response.ContentLength = earlier.Body.Length;
        await response.Body.WriteAsync(earlier.Body, context.RequestAborted);
    }

    /// <summary>Forgets what this request's own work put in the answer; the headers every answer carries stay.</summary>
    private static void ResetResponse(HttpContext context)
    {
        foreach (var header in new[] { "ETag", "Location", "Content-Type", "Content-Length" })
        {
            context.Response.Headers.Remove(header);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The method, path and body, hashed: what makes two requests "the same request".</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
