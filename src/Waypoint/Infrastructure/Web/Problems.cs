using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Waypoint.Infrastructure.Web;

/// <summary>Writes RFC 9457 problem details for the API.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static async Task WriteAsync(HttpContext context, int status, string title, string? detail, IDictionary<string, string[]>? errors = null)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        ProblemDetails body = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        body.Status = status;
        body.Title = title;
        body.Detail = detail;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = body }))
        {
            return;
        }

        // The framework's writer writes only for a client whose Accept header takes JSON. One that asked for HTML or an
        // image still made a mistake worth explaining: it gets the same problem, as JSON, not an empty answer.
        body.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        await context.Response.WriteAsJsonAsync(body, body.GetType(), json, ContentType, context.RequestAborted);
    }
}
