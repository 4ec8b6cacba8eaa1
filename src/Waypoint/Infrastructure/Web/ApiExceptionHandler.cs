using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Waypoint.Core;
using Waypoint.Data;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Turns an exception in an API request into problem details with no internal detail (pages get the error page).
/// A malformed body names where it went wrong; nothing was written, because the endpoint never ran.
/// </summary>
public static class ApiExceptionHandler
{
    public static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        switch (exception)
        {
            case BadHttpRequestException bad:
                var detail = bad.InnerException is JsonException json
                    ? $"The request body is not valid JSON{(json.Path is { Length: > 1 } path ? $" at '{path}'" : string.Empty)}."
                    : bad.Message;
                var errors = bad.InnerException is JsonException { Path: { Length: > 2 } p }
                    ? new Dictionary<string, string[]> { [p.TrimStart('$', '.')] = [detail] }
                    : null;
                await Problems.WriteAsync(context, bad.StatusCode, "The request is not valid", detail, errors);
                break;
            case RecordChanged:
                await Problems.WriteAsync(context, StatusCodes.Status412PreconditionFailed, "The record has changed",
                    "Someone changed this record since you read it. Read it again, then make your change.");
                break;
            case RecordConflict conflict:
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "Already there", conflict.Message,
                    string.IsNullOrEmpty(conflict.Field) ? null : conflict.ToDictionary());
                break;
            case RuleViolation violation:
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Some values are not valid", violation.Message, violation.ToDictionary());
                break;
            case TenancyViolationException:
                await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found", null);
                break;
            default:
                await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                    "The error has been logged. Try again later; nothing was changed.");
                break;
        }
    }
}
