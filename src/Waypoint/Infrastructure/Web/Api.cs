using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Infrastructure.Web;

/// <summary>A page of a list. Lists in the API are always paged.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// A representation that carries figures derived from other records (a status, the latest value): its ETag is
/// computed from <see cref="Version"/>, the part a client can change, so that a new measurement elsewhere does not
/// make an edit of the definition look stale.
/// </summary>
public interface IVersioned
{
    object Version { get; }
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

    /// <summary>A strong validator for a representation: changes whenever any value in it changes.</summary>
    public static string ETagFor<T>(T representation)
    {
        var bytes = representation is IVersioned versioned
            ? JsonSerializer.SerializeToUtf8Bytes(versioned.Version, versioned.Version.GetType())
            : JsonSerializer.SerializeToUtf8Bytes(representation);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";
    }

    public static Ok<T> WithETag<T>(this HttpContext context, T representation)
    {
        context.Response.Headers.ETag = ETagFor(representation);
        return TypedResults.Ok(representation);
    }

    /// <summary>
    /// The shape of every change: read the record (404 if it is not there), check the client's <c>If-Match</c>
    /// against it, make the change, and answer with the record as it now is and its new ETag.
    /// </summary>
    public static async Task<Results<Ok<TDto>, NotFound, ProblemHttpResult>> ChangeAsync<TDto>(HttpContext context, Func<Task<TDto?>> read, Func<Task> change)
        where TDto : class
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
    /// with, or null when the change may go ahead.
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch<T>(HttpContext context, T current)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "If-Match needed",
                detail: "Send the ETag you last read in an If-Match header, so that nobody's change is overwritten unseen.");
        }

        if (ifMatch != "*" && !ifMatch.Split(',').Select(t => t.Trim()).Contains(ETagFor(current)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The record has changed",
                detail: "Someone changed this record since you read it. Read it again, then make your change.");
        }

        return null;
    }
}
