using Microsoft.AspNetCore.Mvc;

namespace Waypoint.Infrastructure.Web;

/// <summary>Writes RFC 9457 problem details for the API.</summary>
public static class Problems
{
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
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = body });
    }
}
