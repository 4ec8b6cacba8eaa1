using System.Text.Json;

namespace Waypoint.TestCommon.Fuzzing;

/// <summary>One operation of the OpenAPI document: a method on a path, its parameters and its JSON body.</summary>
public sealed record ApiOperation(string Method, string Template, string? OperationId, IReadOnlyList<ApiParameter> Parameters, Schema? Body, bool Anonymous)
{
    public string Key => $"{Method} {Template}";

    public bool Changes => Method is not ("GET" or "HEAD" or "OPTIONS");

    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => OperationId is null ? Key : $"{Key} ({OperationId})";
}

public sealed record ApiParameter(string Name, string In, Schema Schema, bool Required);

/// <summary>
/// A JSON schema of the document, with references and the "null or X" shapes that the .NET generator writes for
/// nullable values already followed, so that callers ask plain questions: is this a date, an enum, an array?
/// </summary>
public sealed class Schema
{
    private readonly JsonElement _root;
    private readonly JsonElement _element;

    private Schema(JsonElement root, JsonElement element, bool nullable)
    {
        _root = root;
        _element = element;
        Nullable = nullable;
    }

    public static Schema Of(JsonElement root, JsonElement element, bool nullable = false)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (element.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                element = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }

            var alternatives = element.TryGetProperty("oneOf", out var oneOf) ? oneOf
                : element.TryGetProperty("anyOf", out var anyOf) ? anyOf
                : default;
            if (alternatives.ValueKind == JsonValueKind.Array)
            {
                var options = alternatives.EnumerateArray().ToList();
                var nonNull = options.Where(o => !IsNullOnly(o)).ToList();
                nullable |= nonNull.Count < options.Count;
                if (nonNull.Count == 1)
                {
                    element = nonNull[0];
                    continue;
                }
            }

            break;
        }

        return new Schema(root, element, nullable || TypeNames(element).Contains("null"));
    }

    /// <summary>Whether the schema allows null.</summary>
    public bool Nullable { get; }

    public string? Format => _element.TryGetProperty("format", out var f) ? f.GetString() : null;

    public IReadOnlyList<string> EnumValues => _element.TryGetProperty("enum", out var e)
        ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
        : [];

    public SchemaKind Kind
    {
        get
        {
            var types = TypeNames(_element);
            if (EnumValues.Count > 0)
            {
                return SchemaKind.Enum;
            }

            if (types.Contains("array") || _element.TryGetProperty("items", out _))
            {
                return SchemaKind.Array;
            }

            if (types.Contains("object") || _element.TryGetProperty("properties", out _))
            {
                return SchemaKind.Record;
            }

            if (types.Contains("integer"))
            {
                return SchemaKind.WholeNumber;
            }

            if (types.Contains("number"))
            {
                return SchemaKind.Number;
            }

            if (types.Contains("boolean"))
            {
                return SchemaKind.Boolean;
            }

            return (types.Contains("string"), Format) switch
            {
                (true, "uuid") => SchemaKind.Uuid,
                (true, "date") => SchemaKind.Date,
                (true, "date-time") => SchemaKind.DateTime,
                (true, _) => SchemaKind.Text,
                _ => SchemaKind.Any,
            };
        }
    }

    public Schema? Items => _element.TryGetProperty("items", out var items) ? Of(_root, items) : null;

    public IReadOnlyList<(string Name, Schema Schema)> Properties => _element.TryGetProperty("properties", out var properties)
        ? properties.EnumerateObject().Select(p => (p.Name, Of(_root, p.Value))).ToList()
        : [];

    private static bool IsNullOnly(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static HashSet<string> TypeNames(JsonElement element)
    {
        if (!element.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [type.GetString()!];
    }
}

public enum SchemaKind
{
    Any,
    Text,
    Uuid,
    Date,
    DateTime,
    WholeNumber,
    Number,
    Boolean,
    Enum,
    Array,
    Record,
}

/// <summary>Reads the operations out of an OpenAPI 3 document.</summary>
public static class ApiOperations
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static readonly JsonElement NoSchema = JsonDocument.Parse("{}").RootElement;

    private static readonly JsonElement TextSchema = JsonDocument.Parse("{\"type\":\"string\"}").RootElement;

    private static IEnumerable<string> PathNames(string template) =>
        template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    public static IReadOnlyList<ApiOperation> Read(JsonDocument document)
    {
        var root = document.RootElement;
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var operation = method.Value;
                var parameters = shared.Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(x => new ApiParameter(
                        x.GetProperty("name").GetString()!,
                        x.GetProperty("in").GetString()!,
                        Schema.Of(root, x.TryGetProperty("schema", out var s) ? s : NoSchema),
                        x.TryGetProperty("required", out var r) && r.GetBoolean()))
                    .ToList();

                // A template parameter the document forgot to declare is still a parameter of the path.
                foreach (var name in PathNames(path.Name).Where(n => parameters.All(x => x.Name != n)))
                {
                    parameters.Add(new ApiParameter(name, "path", Schema.Of(root, TextSchema), Required: true));
                }

                Schema? body = null;
                if (operation.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content))
                {
                    var json = content.EnumerateObject().FirstOrDefault(c => c.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
                    if (json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("schema", out var schema))
                    {
                        body = Schema.Of(root, schema);
                    }
                }

                // An empty list of security requirements means the operation needs no token.
                var anonymous = operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                operations.Add(new ApiOperation(
                    method.Name.ToUpperInvariant(), path.Name,
                    operation.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                    parameters, body, anonymous));
            }
        }

        return operations;
    }
}
