using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Waypoint.Core;
using Waypoint.Data;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Turns an exception in an API request into problem details with no internal detail. Pages are left to the
/// error page. A malformed body names where it went wrong; nothing was written, because the handler never ran.
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Problems.IsApi(httpContext))
        {
            return false;
        }

        switch (exception)
        {
            case BadHttpRequestException bad:
                var detail = bad.InnerException is JsonException json
                    ? $"The request body is not valid JSON{(json.Path is { Length: > 0 } path ? $" at '{path}'" : string.Empty)}: {FirstSentence(json.Message)}"
                    : bad.Message;
                var errors = bad.InnerException is JsonException { Path: { Length: > 0 } p }
                    ? new Dictionary<string, string[]> { [p.TrimStart('$', '.')] = [detail] }
                    : null;
                await Problems.WriteAsync(httpContext, bad.StatusCode, "The request is not valid", detail, errors);
                return true;
            case RuleViolation violation:
                await Problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "Some values are not valid", violation.Message, violation.ToDictionary());
                return true;
            case TenancyViolationException:
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Not found", null);
                return true;
            default:
                logger.LogError(exception, "Unhandled exception in {Path}", httpContext.Request.Path);
                await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Something went wrong",
                    "The error has been logged. Try again later.");
                return true;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
