using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Waypoint.Core;
using Waypoint.Data;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Turns an exception in an API request into problem details with no internal detail (pages get the error page).
/// A malformed request names the field at fault and what it should be; nothing was written, because the endpoint
/// never ran. A client's mistake is logged as information, without the values it sent: it is not the server's error.
/// </summary>
public static partial class ApiExceptionHandler
{
    /// <summary>Exceptions that are the client's mistake, not the server's: the middleware must not log them as errors.</summary>
    public static bool IsClientMistake(Exception? exception) => exception is BadHttpRequestException or RuleViolation or RuleViolations;

    public static async Task HandleAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        switch (exception)
        {
            case BadHttpRequestException bad:
                var (field, detail) = Describe(bad, context);
                LogRefused(context, bad.StatusCode, detail);
                await Problems.WriteAsync(context, bad.StatusCode, "The request is not valid", detail,
                    field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });
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
                LogRefused(context, StatusCodes.Status400BadRequest, violation.Message);
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Some values are not valid", violation.Message, violation.ToDictionary());
                break;
            case RuleViolations violations:
                LogRefused(context, StatusCodes.Status400BadRequest, violations.Message);
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Some values are not valid", violations.Message, violations.ToDictionary());
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

    /// <summary>
    /// The field at fault and what it should be, in words that name no value the client sent (the framework's own
    /// messages repeat the input, and the log must not).
    /// </summary>
    private static (string? Field, string Detail) Describe(BadHttpRequestException bad, HttpContext context)
    {
        var endpoint = EndpointOf(context);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (null, "Send the body as JSON, with the header Content-Type: application/json.");
        }

        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : null;
            if (json.GetType() != typeof(JsonException))
            {
                // The reader's own complaint: broken syntax, nesting too deep, bytes that are not UTF-8.
                return (field, field is null
                    ? "The request body is not valid JSON."
                    : $"The request body is not valid JSON at '{field}'{(json.LineNumber is { } line ? $" (line {line + 1})" : string.Empty)}.");
            }

            var root = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var type = root is null ? null : TypeAt(root, field, options);
            // Reading a string fails the same way for a number and for half a surrogate pair; only the message differs.
            var expected = type == typeof(string) && json.InnerException is InvalidOperationException { Message: var why } && why.Contains("UTF", StringComparison.Ordinal)
                ? "text made of whole characters (it holds half of a surrogate pair)"
                : Expected(type);
            return field is null
                ? (null, $"The request body must be {expected ?? "a JSON object"}.")
                : (field, $"{field} must be {expected ?? "a value of another type"}.");
        }

        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("from the request body", StringComparison.Ordinal))
        {
            return (null, "The request needs a JSON body.");
        }

        if (BindFailure().Match(bad.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var parameter = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(x => x.Name == name);
            var expected = parameter is null ? null : Expected(parameter.ParameterType);
            return (name, $"{name} must be {expected ?? "a value of another type"}.");
        }

        if (RequiredMissing().Match(bad.Message) is { Success: true } missing)
        {
            return (missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is needed.");
        }

        return (null, "The request could not be read.");
    }

    /// <summary>The .NET type a JSON path such as "appetites[0].level" reads into, from the endpoint's body type.</summary>
    private static Type? TypeAt(Type root, string? path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path ?? string.Empty))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            if (step.Groups["index"].Success)
            {
                type = info.ElementType;
            }
            else
            {
                type = info.Properties.FirstOrDefault(x => string.Equals(x.Name, step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    /// <summary>What a value of the type looks like, in words: "a date such as 2027-03-31".</summary>
    public static string? Expected(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.IsEnum => $"one of {InputChecks.NamesOf(type)}",
            _ when type == typeof(Guid) => "an id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)",
            _ when type == typeof(DateOnly) => "a date such as 2027-03-31",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2027-03-31T09:30:00Z",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "text",
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "a list",
            _ => "an object",
        };
    }

    private static void LogRefused(HttpContext context, int status, string detail)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Waypoint.Api");
        if (logger.IsEnabled(LogLevel.Information))
        {
            // The route's pattern, not the path: the path may carry the very input being refused.
            Refused(logger, context.Request.Method, (EndpointOf(context) as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)", status, detail);
        }
    }

    /// <summary>The endpoint that failed: the middleware clears the request's endpoint before handling the exception.</summary>
    private static Endpoint? EndpointOf(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Route} with {Status}: {Detail}")]
    private static partial void Refused(ILogger logger, string method, string route, int status, string detail);

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" from")]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" was not provided")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
