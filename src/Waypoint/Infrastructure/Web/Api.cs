using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Infrastructure.Web;

/// <summary>A page of a list. Lists in the API are always paged.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Which stored record a representation is: the one whose revision its ETag is.</summary>
public sealed record RecordKey(Type Type, object Key);

/// <summary>
/// A representation of a record people edit. Its ETag is the record's <see cref="Revision"/>, which storage raises on
/// every change of the record itself: figures derived from other records (a status, the latest value) may change
/// without making an edit of the definition stale. A change sends the ETag it read in <c>If-Match</c>, and the database
/// writes it only if that is still the record's revision (ADR 0010).
/// </summary>
public interface IVersioned
{
    /// <summary>The record's revision, also in the body so a client can see which one it holds.</summary>
    int Revision { get; }

    /// <summary>The stored record behind the representation (a method, so that it is not part of the JSON).</summary>
    RecordKey StoredAs();
}

/// <summary>Conventions every API endpoint shares.</summary>
public static class Api
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Requires a bearer token whose owner's role grants the permission in the request's organisation.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute(policy) { AuthenticationSchemes = ApiTokenAuthentication.SchemeName });

    /// <summary>
    /// The page a client asked for: page from 1, pageSize from 1 to <see cref="MaxPageSize"/>. Anything else is refused,
    /// naming the parameter, rather than quietly answered with a page other than the one asked for.
    /// </summary>
    public static (int Number, int Size) PageOf(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            throw new RuleViolation("page", "page must be 1 or more");
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw new RuleViolation("pageSize", $"pageSize must be between 1 and {MaxPageSize}");
        }

        return (number, size);
    }

    /// <summary>How many items come before a page. Worked out in 64 bits: a page far past the end is empty, not page 1 again.</summary>
    public static int SkipFor(int number, int size) => (int)Math.Min((long)(number - 1) * size, int.MaxValue);

    public static Paged<T> Page<T>(IEnumerable<T> all, int? page, int? pageSize)
    {
        var (number, size) = PageOf(page, pageSize);
        var list = all as IReadOnlyCollection<T> ?? all.ToList();
        return new Paged<T>(list.Skip(SkipFor(number, size)).Take(size).ToList(), number, size, list.Count);
    }

    /// <summary>
    /// A strong validator for a representation: the revision of an edited record, or for anything else a hash of
    /// every value in it.
    /// </summary>
    public static string ETagFor<T>(T representation) => representation is IVersioned versioned
        ? ETagFor(versioned.Revision)
        : "\"" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(representation)))[..20] + "\"";

    public static string ETagFor(int revision) => "\"" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    public static Ok<T> WithETag<T>(this HttpContext context, T representation)
    {
        context.Response.Headers.ETag = ETagFor(representation);
        return TypedResults.Ok(representation);
    }

    /// <summary>
    /// The shape of every change: read the record (404 if it is not there), check the client's <c>If-Match</c> against
    /// it, make the change — which storage writes only if the record is still at the revision the client read, checked
    /// in the same UPDATE (so of parallel writers holding one ETag exactly one succeeds) — and answer with the record as
    /// it now is and its new ETag. A change refused as stale answers 412 (see <see cref="RuleViolationFilter"/>).
    /// </summary>
    public static async Task<Results<Ok<TDto>, NotFound, ProblemHttpResult>> ChangeAsync<TDto>(HttpContext context, Func<Task<TDto?>> read, Func<Task> change)
        where TDto : class, IVersioned
    {
        if (await read() is not { } current)
        {
            return TypedResults.NotFound();
        }

        if (CheckIfMatch(context, current) is { } problem)
        {
            return problem;
        }

        await change();
        return context.WithETag((await read())!);
    }

    /// <summary>
    /// Optimistic concurrency: a change must send the ETag it read in <c>If-Match</c>. Returns the problem to answer
    /// with, or null when the change may go ahead — in which case storage will check, as it writes, that the record is
    /// still at the revision the client read.
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch<T>(HttpContext context, T current)
        where T : IVersioned
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match needed",
                detail: "Send the ETag you last read in an If-Match header, so that nobody's change is overwritten unseen.");
        }

        // "*" asks for no particular revision: the change is still written only over the revision storage reads.
        if (ifMatch.Trim() == "*")
        {
            return null;
        }

        if (!ifMatch.Split(',').Select(t => t.Trim()).Contains(ETagFor(current.Revision)))
        {
            return Stale();
        }

        context.RequestServices.GetRequiredService<Data.WaypointDb>().Scope.ExpectRevision(current.StoredAs().Type, current.StoredAs().Key, current.Revision);
        return null;
    }

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "The record has changed",
        detail: "Someone changed this record since you read it. Read it again, then make your change.");
}
