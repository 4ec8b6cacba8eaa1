using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Waypoint.Core.Organisations;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// What no API endpoint can take, refused before any handler runs, for every argument bound from the route, the
/// query string or the JSON body, however deep: an enum value that is not one of its names (query binding reads
/// "99" or "1" as a value), text holding characters that cannot be stored, a list with a null item, and a date in the
/// query string outside Waypoint's calendar. Each is a 400 naming the field as the client spelled it. One walk over
/// the arguments does it for every endpoint, so a new endpoint or field is covered without anyone remembering.
/// Dates in a body are the records' own rules (<see cref="DateRules"/>), so that a batch still names every bad row.
/// </summary>
public static class InputChecks
{
    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<MethodInfo, ParameterInfo[]> Parameters = new();

    public static async ValueTask<object?> RefuseWhatNoEndpointTakes(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return await next(context);
        }

        var parameters = Parameters.GetOrAdd(method, m => m.GetParameters());
        var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var errors = new List<(string Field, string Message)>();
        for (var i = 0; i < context.Arguments.Count && i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            if (body is not null && type == body)
            {
                Walk(context.Arguments[i], string.Empty, json, errors, 0);
            }
            else if (IsValue(Nullable.GetUnderlyingType(type) ?? type))
            {
                var name = NameOf(parameter);
                CheckValue(context.Arguments[i], name, errors, dates: true);
                CheckEnumSpelling(http, Nullable.GetUnderlyingType(type) ?? type, name, errors);
            }
        }

        if (errors.Count == 0)
        {
            return await next(context);
        }

        var byField = errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, detail: errors[0].Message, title: "Some values are not valid");
    }

    /// <summary>The enum's names, as a client may send them: "one of Draft, Agreed or Active".</summary>
    public static string NamesOf(Type enumType)
    {
        var names = Enum.GetNames(enumType);
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name
        ?? parameter.Name!;

    private static bool IsValue(Type type) => type == typeof(string) || type.IsEnum || type == typeof(DateOnly);

    private static void Walk(object? value, string path, JsonSerializerOptions json, List<(string, string)> errors, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        var type = value.GetType();
        if (IsValue(type))
        {
            CheckValue(value, path, errors, dates: false);
            return;
        }

        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            || type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{path}.{entry.Key}", json, errors, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                var here = $"{path}[{index}]";
                if (item is null)
                {
                    errors.Add((here, $"{here} must not be null: remove it, or give it a value"));
                }
                else
                {
                    Walk(item, here, json, errors, depth + 1);
                }

                index++;
            }

            return;
        }

        // A record of the API's own: its properties as JSON names them.
        if (json.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Object } info)
        {
            foreach (var property in info.Properties)
            {
                if (property.Get is { } get)
                {
                    Walk(get(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", json, errors, depth + 1);
                }
            }
        }
    }

    private static void CheckValue(object? value, string field, List<(string, string)> errors, bool dates)
    {
        switch (value)
        {
            case string text when Text.ForbiddenCharacter(text) is { } forbidden:
                errors.Add((field, $"{field} must not contain {forbidden}"));
                break;
            case Enum e when !Enum.IsDefined(e.GetType(), e):
                errors.Add((field, $"{field} must be one of {NamesOf(e.GetType())}"));
                break;
            case DateOnly date when dates && !DateRules.InRange(date):
                errors.Add((field, DateRules.OutOfRange(field)));
                break;
        }
    }

    /// <summary>Query and route binding read "1" or "Draft, Active" as an enum value; the API takes only a name.</summary>
    private static void CheckEnumSpelling(HttpContext http, Type type, string name, List<(string Field, string)> errors)
    {
        if (!type.IsEnum || errors.Any(e => e.Field == name))
        {
            return;
        }

        var raw = http.Request.Query.TryGetValue(name, out var query) ? query.ToString() : http.GetRouteValue(name) as string;
        if (!string.IsNullOrEmpty(raw) && !Enum.GetNames(type).Contains(raw.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add((name, $"{name} must be one of {NamesOf(type)}"));
        }
    }
}
