using System.Text;
using System.Text.Json.Nodes;

namespace Waypoint.TestCommon.Fuzzing;

/// <summary>
/// A request that is wrong by construction, and what is wrong with it. Every one carries at least one fault the
/// API must refuse (a value the document's schema does not allow, or one the API's documented input rules refuse),
/// so a success answer to a change is the server accepting garbage.
/// </summary>
public sealed record BadRequest(string Why, string Method, string Url, byte[]? Body, string? ContentType, string? Accept, string? IfMatch, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        if (IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() => $"{Method} {(Url.Length > 160 ? Url[..160] + "…" : Url)} [{Why}]";
}

/// <summary>What a valid request to an operation would put in its path, and the same kinds of record in another organisation.</summary>
public sealed record PathValues(IReadOnlyDictionary<string, string> Real, IReadOnlyDictionary<string, string> Foreign);

/// <summary>
/// Generates bad requests for an operation from its description in the OpenAPI document alone: wrong JSON types for
/// each property, nulls, null items, huge and empty strings, Unicode edge cases, bad ids and dates, enum numbers,
/// deep nesting, odd content types and Accept headers, missing and wrong If-Match, odd query values. The same seed
/// gives the same requests.
/// </summary>
/// <remarks>
/// Values that may well be valid (an emoji, a right-to-left mark, a random id in a body, the largest integer) are
/// "probes": they are only ever sent beside a certain fault that is checked no earlier, so the request still fails
/// whatever the server makes of the probe.
/// </remarks>
public sealed class BadRequestGenerator(Func<string, string?> plausibleIdFor)
{
    private const string Marker = "__fuzz_marker__";
    private const string SecondMarker = "__fuzz_second_marker__";
    private const int Huge = 5000;

    /// <summary>How many faults to try at most for each place in a body.</summary>
    public int FaultsPerPlace { get; init; } = 5;

    private static readonly string?[] AcceptHeaders =
    [
        null, "application/json", "text/html", "image/png", "application/xml", "*/*;q=0", "application/problem+json",
        "text/plain;q=0.1", "text/html,application/xhtml+xml,application/xml;q=0.9", ";;;",
    ];

    public IReadOnlyList<BadRequest> For(ApiOperation operation, PathValues path, int seed)
    {
        var random = new Random(seed ^ StableHash(operation.Key));
        var requests = new List<BadRequest>();
        var baseBody = operation.Body is { } schema ? Plausible(schema, null, 0) : null;
        var realUrl = Url(operation, path.Real, []);
        var hasIdInPath = operation.In("path").Any(p => p.Schema.Kind == SchemaKind.Uuid);

        void Add(string why, string url, byte[]? body, string? contentType = "application/json", string? ifMatch = "*", IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
            requests.Add(new BadRequest(why, operation.Method, url, body, body is null ? null : contentType,
                AcceptHeaders[random.Next(AcceptHeaders.Length)], ifMatch, headers ?? []));

        var baseBytes = baseBody is null ? null : Encoding.UTF8.GetBytes(baseBody.ToJsonString());

        // The path: every parameter given values that name nothing, or something of another organisation.
        foreach (var parameter in operation.In("path"))
        {
            foreach (var (why, value) in PathFaults(parameter, path, random))
            {
                Add($"path {parameter.Name}: {why}", Url(operation, path.Real, new() { [parameter.Name] = value }), baseBytes);
            }
        }

        // The query: values of the wrong type or out of range. A read may answer probes; a change gets only certain faults.
        foreach (var parameter in operation.In("query"))
        {
            foreach (var (why, value, certain) in QueryFaults(parameter, random))
            {
                if (certain || !operation.Changes)
                {
                    Add($"query {parameter.Name}: {why}", $"{realUrl}?{Uri.EscapeDataString(parameter.Name)}={value}", baseBytes);
                }
            }
        }

        if (operation.Body is { } body && baseBody is not null)
        {
            AddBodyFaults(operation, body, baseBody, realUrl, hasIdInPath ? Url(operation, path.Real, RandomIds(operation, random)) : null, random, Add);
        }
        else if (operation.Changes && hasIdInPath)
        {
            // No body to get wrong: a wrong or missing version of a record that does not exist.
            var missing = Url(operation, path.Real, RandomIds(operation, random));
            foreach (var ifMatch in new[] { null, "\"wrong\"", "garbage", "W/\"x\"" })
            {
                Add($"If-Match {ifMatch ?? "missing"} on a record that does not exist", missing, null, ifMatch: ifMatch);
            }
        }

        return requests;
    }

    private void AddBodyFaults(
        ApiOperation operation, Schema schema, JsonNode baseBody, string url, string? missingRecordUrl, Random random,
        Action<string, string, byte[]?, string?, string?, IReadOnlyList<KeyValuePair<string, string>>?> add)
    {
        static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
        var baseJson = baseBody.ToJsonString();

        // The body as a whole: not JSON, not an object, nested too deep, or not sent as JSON.
        foreach (var (why, json) in new[]
                 {
                     ("null", "null"), ("an array", "[]"), ("an array of an object", "[{}]"), ("a string", "\"text\""), ("a number", "12"),
                     ("empty", string.Empty), ("cut short", "{\"a\":"), ("trailing content", baseJson + "}"), ("two objects", "{} {}"),
                     ("a comment", "/* note */ " + baseJson), ("nested 2000 deep", new string('[', 2000) + new string(']', 2000)),
                     ("an object nested 200 deep", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)),
                 })
        {
            add($"body {why}", url, Bytes(json), "application/json", "*", null);
        }

        foreach (var (type, content) in new[]
                 {
                     ("text/plain", baseJson), ("application/x-www-form-urlencoded", "a=b&name=x"), ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"),
                     ("application/xml", "<a/>"), ("application/octet-stream", baseJson), ("text/json; charset=klingon", baseJson),
                 })
        {
            add($"content type {type}", url, Bytes(content), type, "*", null);
        }

        add("JSON with no content type", url, Bytes(baseJson), null, "*", null);
        if (missingRecordUrl is not null)
        {
            add("body {} to a record that does not exist", missingRecordUrl, Bytes("{}"), "application/json", "*", null);
        }

        // Each place in the body: certain faults on their own, probes beside a certain fault.
        var places = Places(schema, baseBody, []).ToList();
        if (places.FirstOrDefault(p => p.Path.Count == 1 && p.Schema.Kind == SchemaKind.Text) is { } textPlace)
        {
            // Bytes no JSON text may hold, inside a string the endpoint reads.
            var withMarker = WithValue(baseBody, textPlace.Path, Marker);
            var split = withMarker.IndexOf(Marker, StringComparison.Ordinal);
            add($"{textPlace.Describe()}: bytes that are not UTF-8", url,
                [.. Bytes(withMarker[..split] + "\"a"), 0xff, 0xfe, 0xc3, .. Bytes("\"" + withMarker[(split + Marker.Length)..])], "application/json", "*", null);
        }

        foreach (var place in places)
        {
            var certain = CertainFaults(place).ToList();
            foreach (var (why, raw) in Pick(certain, FaultsPerPlace, random))
            {
                add($"{place.Describe()}: {why}", url, Bytes(WithValue(baseBody, place.Path, raw)), "application/json", "*", null);
            }

            var probes = Probes(place, random).ToList();
            foreach (var (why, raw) in Pick(probes, Math.Max(1, FaultsPerPlace / 2), random))
            {
                if (missingRecordUrl is not null)
                {
                    add($"{place.Describe()}: probe {why}, to a record that does not exist", missingRecordUrl, Bytes(WithValue(baseBody, place.Path, raw)), "application/json", "*", null);
                }
                else if (places.FirstOrDefault(p => p.Path.Count == 1 && !p.Path[0].Equals(place.Path[0]) && p.Schema.Kind != SchemaKind.Any) is { } other)
                {
                    add($"{place.Describe()}: probe {why}, beside {other.Describe()} of the wrong type", url,
                        Bytes(WithValue(baseBody, place.Path, raw, other.Path, WrongType(other.Schema))), "application/json", "*", null);
                }
            }
        }

        // Versions and declared headers: each beside a fault the record's own rules refuse (a string too long for any
        // field), so that the request fails whichever check comes first.
        var late = places.FirstOrDefault(p => p.Path.Count == 1 && p.Schema.Kind == SchemaKind.Text) is { } text
            ? (Place: text, Raw: "\"" + new string('x', Huge) + "\"", Why: $"{text.Describe()} {Huge} characters long")
            : places.FirstOrDefault(p => p.Path.Count == 1 && p.Schema.Kind != SchemaKind.Any) is { } first
                ? (Place: first, Raw: WrongType(first.Schema), Why: $"{first.Describe()} of the wrong type")
                : default;
        if (late.Place is null)
        {
            return;
        }

        var lateBody = Bytes(WithValue(baseBody, late.Place.Path, late.Raw));
        if (operation.Changes)
        {
            foreach (var ifMatch in new[] { null, "\"wrong\"", "garbage", "W/\"x\"", "\"a\", \"b\"" })
            {
                add($"If-Match {ifMatch ?? "missing"} and {late.Why}", url, lateBody, "application/json", ifMatch, null);
            }
        }

        foreach (var header in operation.In("header"))
        {
            foreach (var value in new[] { string.Empty, " ", new string('k', Huge), "ü-not-ascii", "a,b" })
            {
                add($"header {header.Name} '{(value.Length > 20 ? value[..20] + "…" : value)}' and {late.Why}", url, lateBody, "application/json", "*",
                    [new(header.Name, value)]);
            }
        }
    }

    private static List<(string Why, string Raw)> Pick(List<(string Why, string Raw)> faults, int count, Random random) =>
        faults.Count <= count ? faults : faults.OrderBy(_ => random.Next()).Take(count).ToList();

    /// <summary>A place in a body where a value goes: a property, possibly inside the first item of an array.</summary>
    private sealed record Place(IReadOnlyList<object> Path, Schema Schema)
    {
        public string Describe() => "body " + string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? p.ToString() : "." + p));
    }

    private static IEnumerable<Place> Places(Schema schema, JsonNode? node, IReadOnlyList<object> path)
    {
        if (path.Count > 0)
        {
            yield return new Place(path, schema);
        }

        if (path.Count > 4)
        {
            yield break;
        }

        if (schema.Kind == SchemaKind.Record && node is JsonObject obj)
        {
            foreach (var (name, property) in schema.Properties)
            {
                foreach (var place in Places(property, obj[name], [.. path, name]))
                {
                    yield return place;
                }
            }
        }
        else if (schema.Kind == SchemaKind.Array && node is JsonArray { Count: > 0 } array && schema.Items is { Kind: SchemaKind.Record } items)
        {
            foreach (var place in Places(items, array[0], [.. path, 0]))
            {
                yield return place;
            }
        }
    }

    private static string HugeString(char c) => "\"" + new string(c, Huge) + "\"";

    private IEnumerable<(string Why, string Raw)> CertainFaults(Place place)
    {
        var schema = place.Schema;
        if (!schema.Nullable)
        {
            yield return ("null where the document allows none", "null");
        }

        switch (schema.Kind)
        {
            case SchemaKind.Text:
                yield return ("a number", "12345");
                yield return ("true", "true");
                yield return ("an object", "{}");
                yield return ("an array", "[\"a\"]");
                yield return ("a NUL character", "\"a\\u0000b\"");
                yield return ("only a NUL character", "\"\\u0000\"");
                yield return ("a bell character", "\"ring \\u0007\"");
                yield return ("an escape character", "\"\\u001b[31mred\"");
                yield return ("a C1 control character", "\"a\\u0085b\"");
                yield return ("a lone high surrogate", "\"a\\ud800b\"");
                yield return ("a lone low surrogate", "\"\\udc00\"");
                yield return ($"{Huge} characters", HugeString('x'));
                yield return ($"{Huge} emoji", "\"" + string.Concat(Enumerable.Repeat("😀", Huge)) + "\"");
                yield return ("deep nesting", new string('[', 100) + new string(']', 100));
                break;
            case SchemaKind.Uuid:
                yield return ("not a guid", "\"not-a-guid\"");
                yield return ("an empty string", "\"\"");
                yield return ("a guid with a bad digit", "\"00000000-0000-0000-0000-00000000000g\"");
                yield return ("a number", "12");
                yield return ("an object", "{}");
                yield return ("a NUL character", "\"\\u0000\"");
                yield return ($"{Huge} characters", HugeString('a'));
                break;
            case SchemaKind.Date:
                yield return ("30 February", "\"2023-02-30\"");
                yield return ("nonsense", "\"nonsense\"");
                yield return ("a British date", "\"31/12/2023\"");
                yield return ("a number", "20230101");
                yield return ("an empty string", "\"\"");
                yield return ("single digits", "\"2023-1-5\"");
                yield return ("a date and time", "\"2023-01-01T00:00:00Z\"");
                yield return ("the first day of the calendar", "\"0001-01-01\"");
                yield return ("the last day of the calendar", "\"9999-12-31\"");
                yield return ("year 10000", "\"10000-01-01\"");
                yield return ("an object", "{}");
                break;
            case SchemaKind.DateTime:
                yield return ("nonsense", "\"nonsense\"");
                yield return ("an empty string", "\"\"");
                yield return ("a number", "12");
                yield return ("month 13", "\"2023-13-01T00:00:00Z\"");
                break;
            case SchemaKind.WholeNumber:
                yield return ("letters", "\"abc\"");
                yield return ("a fraction", "1.5");
                yield return ("one more than the largest 32-bit integer", "2147483648");
                yield return ("one less than the smallest 32-bit integer", "-2147483649");
                yield return ("an exponent", "1e400");
                yield return ("true", "true");
                yield return ("an object", "{}");
                yield return ("an array", "[1]");
                yield return ("a number in a string with spaces", "\" 1 \"");
                break;
            case SchemaKind.Number:
                yield return ("letters", "\"abc\"");
                yield return ("NaN", "\"NaN\"");
                yield return ("infinity", "\"Infinity\"");
                yield return ("beyond any number", "1e400");
                yield return ("true", "true");
                yield return ("an object", "{}");
                yield return ("an array", "[1]");
                break;
            case SchemaKind.Boolean:
                yield return ("yes", "\"yes\"");
                yield return ("a number", "1");
                yield return ("true in a string", "\"true\"");
                yield return ("an object", "{}");
                break;
            case SchemaKind.Enum:
                yield return ("number 99", "99");
                yield return ("number 0", "0");
                yield return ("-1", "-1");
                yield return ("\"99\"", "\"99\"");
                yield return ("\"1\"", "\"1\"");
                yield return ("a name it does not have", "\"NotAName\"");
                yield return ("an empty string", "\"\"");
                yield return ("two names", $"\"{string.Join(", ", schema.EnumValues.Take(2))}\"");
                yield return ("true", "true");
                yield return ("an object", "{}");
                yield return ("a name with a NUL", $"\"{schema.EnumValues[0]}\\u0000\"");
                break;
            case SchemaKind.Array:
                yield return ("a string", "\"x\"");
                yield return ("an object", "{}");
                yield return ("a number", "12");
                if (schema.Items is { Nullable: false } items)
                {
                    yield return ("a null item", "[null]");
                    yield return ("a null item after a good one", $"[{Plausible(items, place.Path.OfType<string>().LastOrDefault(), 0)?.ToJsonString() ?? "null"}, null]");
                }

                yield return ("arrays nested 100 deep", new string('[', 101) + new string(']', 101));
                break;
            case SchemaKind.Record:
                yield return ("a string", "\"x\"");
                yield return ("an array", "[]");
                yield return ("a number", "12");
                yield return ("objects nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100));
                break;
        }
    }

    private IEnumerable<(string Why, string Raw)> Probes(Place place, Random random)
    {
        switch (place.Schema.Kind)
        {
            case SchemaKind.Text:
                yield return ("an empty string", "\"\"");
                yield return ("only spaces", "\"   \"");
                yield return ("right-to-left marks", "\"\\u200f\\u202eevil\\u202c\"");
                yield return ("emoji", "\"😀👍🏽🇬🇧\"");
                yield return ("combining characters", "\"e\\u0301\\u0301\\u0301\\u0301\"");
                yield return ("a zero-width space", "\"\\u200b\"");
                yield return ("a byte order mark", "\"\\ufeff\"");
                yield return ("markup", "\"<script>alert(1)</script>\"");
                yield return ("SQL", "\"' OR '1'='1'; --\"");
                yield return ("a percent-encoded NUL", "\"%00\"");
                yield return ("new lines and tabs", "\"a\\r\\n\\tb\"");
                break;
            case SchemaKind.Uuid:
                yield return ("a random guid", $"\"{NewGuid(random)}\"");
                yield return ("the empty guid", "\"00000000-0000-0000-0000-000000000000\"");
                yield return ("a guid in capitals", $"\"{(plausibleIdFor(Name(place) ?? string.Empty) ?? NewGuid(random).ToString()).ToUpperInvariant()}\"");
                yield return ("a guid in braces", $"\"{{{plausibleIdFor(Name(place) ?? string.Empty) ?? NewGuid(random).ToString()}}}\"");
                break;
            case SchemaKind.Date:
                yield return ("a leap day", "\"2024-02-29\"");
                yield return ("1 January 1900", "\"1900-01-01\"");
                yield return ("31 December 2100", "\"2100-12-31\"");
                break;
            case SchemaKind.WholeNumber:
                yield return ("the largest 32-bit integer", "2147483647");
                yield return ("the smallest 32-bit integer", "-2147483648");
                yield return ("zero", "0");
                yield return ("minus one", "-1");
                yield return ("a number in a string", "\"3\"");
                break;
            case SchemaKind.Number:
                yield return ("the largest double", "1.7976931348623157e308");
                yield return ("minus zero", "-0");
                yield return ("a tiny number", "1e-320");
                yield return ("beyond a decimal", "79228162514264337593543950336");
                yield return ("many digits", "0." + new string('3', 400));
                break;
            case SchemaKind.Array when place.Schema.Items is { } items:
                yield return ("an empty array", "[]");
                var one = Plausible(items, Name(place), 0)?.ToJsonString() ?? "null";
                yield return ("a thousand items", "[" + string.Join(",", Enumerable.Repeat(one, 1000)) + "]");
                break;
            case SchemaKind.Enum:
                yield return ("a name in lower case", $"\"{place.Schema.EnumValues[0].ToLowerInvariant()}\"");
                break;
        }
    }

    private static string? Name(Place place) => place.Path.OfType<string>().LastOrDefault();

    /// <summary>A value of a type the schema does not allow, which JSON reading refuses.</summary>
    private static string WrongType(Schema schema) => schema.Kind is SchemaKind.Record or SchemaKind.Array ? "true" : "{\"wrong\":[1]}";

    /// <summary>The base body with the value at <paramref name="path"/> replaced by raw JSON, moved first in its object.</summary>
    private static string WithValue(JsonNode baseBody, IReadOnlyList<object> path, string raw, IReadOnlyList<object>? secondPath = null, string? secondRaw = null)
    {
        var body = baseBody.DeepClone();
        Set(body, path, Marker, first: true);
        if (secondPath is not null)
        {
            Set(body, secondPath, SecondMarker, first: false);
        }

        var text = body.ToJsonString().Replace($"\"{Marker}\"", raw, StringComparison.Ordinal);
        return secondRaw is null ? text : text.Replace($"\"{SecondMarker}\"", secondRaw, StringComparison.Ordinal);
    }

    private static void Set(JsonNode body, IReadOnlyList<object> path, string marker, bool first)
    {
        JsonNode? node = body;
        for (var i = 0; i < path.Count && node is not null; i++)
        {
            var last = i == path.Count - 1;
            if (path[i] is string name && node is JsonObject obj)
            {
                if (first)
                {
                    // The place at fault goes first, so that any other fault in the body is read after it.
                    MoveFirst(obj, name);
                }

                if (last)
                {
                    obj[name] = JsonValue.Create(marker);
                }

                node = obj[name];
            }
            else if (path[i] is int index && node is JsonArray array && index < array.Count)
            {
                if (last)
                {
                    array[index] = JsonValue.Create(marker);
                }

                node = array[index];
            }
            else
            {
                return;
            }
        }
    }

    private static void MoveFirst(JsonObject obj, string name)
    {
        if (!obj.ContainsKey(name))
        {
            return;
        }

        var entries = obj.ToList();
        obj.Clear();
        obj[name] = entries.First(e => e.Key == name).Value;
        foreach (var (key, value) in entries.Where(e => e.Key != name))
        {
            obj[key] = value;
        }
    }

    /// <summary>A value of the right shape everywhere: not itself valid, but enough to reach the checks behind the JSON reader.</summary>
    private JsonNode? Plausible(Schema schema, string? name, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        return schema.Kind switch
        {
            SchemaKind.Record => new JsonObject(schema.Properties.Select(p => KeyValuePair.Create(p.Name, Plausible(p.Schema, p.Name, depth + 1)))),
            SchemaKind.Array => schema.Items is { } items && Plausible(items, name, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            SchemaKind.Enum => JsonValue.Create(schema.EnumValues[0]),
            SchemaKind.Uuid => JsonValue.Create(plausibleIdFor(name ?? string.Empty) ?? "8d0c2f57-9d3e-4d8a-bf0f-5a1a2b3c4d5e"),
            SchemaKind.Date => JsonValue.Create("2027-01-15"),
            SchemaKind.DateTime => JsonValue.Create("2027-01-15T10:00:00+00:00"),
            SchemaKind.WholeNumber => JsonValue.Create(1),
            SchemaKind.Number => JsonValue.Create(1),
            SchemaKind.Boolean => JsonValue.Create(false),
            _ => JsonValue.Create("Fuzz value"),
        };
    }

    private static IEnumerable<(string Why, string Value)> PathFaults(ApiParameter parameter, PathValues path, Random random)
    {
        if (parameter.Name == "org")
        {
            yield return ("an organisation that does not exist", "no-such-organisation");
            yield return ("another organisation", path.Foreign.GetValueOrDefault("org", "otherton"));
            yield return ("a NUL character", "any%00town");
            yield return ("a control character", "any%07town");
            yield return ("emoji", Uri.EscapeDataString("😀"));
            yield return ("a percent sign", "%25");
            yield return ($"{Huge} characters", new string('o', Huge));
            yield break;
        }

        switch (parameter.Schema.Kind)
        {
            case SchemaKind.Uuid:
                yield return ("not a guid", "not-a-guid");
                yield return ("a random guid", NewGuid(random).ToString());
                yield return ("the empty guid", Guid.Empty.ToString());
                if (path.Foreign.TryGetValue(parameter.Name, out var foreign))
                {
                    yield return ("another organisation's record", foreign);
                }

                yield return ("a NUL character", path.Real.GetValueOrDefault(parameter.Name, Guid.Empty.ToString()) + "%00");
                yield return ("a lone surrogate, percent-encoded", "%ED%A0%80");
                yield return ($"{Huge} characters", new string('f', Huge));
                break;
            case SchemaKind.WholeNumber:
                yield return ("zero", "0");
                yield return ("minus one", "-1");
                yield return ("too large for any number", "2147483648");
                yield return ("the largest 32-bit integer", "2147483647");
                yield return ("letters", "abc");
                yield return ("a NUL character", "1%00");
                break;
            default:
                yield return ("a NUL character", "x%00");
                yield return ($"{Huge} characters", new string('s', Huge));
                yield return ("emoji", Uri.EscapeDataString("😀"));
                break;
        }
    }

    private static IEnumerable<(string Why, string Value, bool Certain)> QueryFaults(ApiParameter parameter, Random random)
    {
        yield return ("a NUL character", "a%00b", true);
        yield return ("a control character", "%1B", true);
        switch (parameter.Schema.Kind)
        {
            case SchemaKind.Uuid:
                yield return ("not a guid", "not-a-guid", true);
                yield return ("a random guid", NewGuid(random).ToString(), false);
                yield return ("empty", string.Empty, false);
                break;
            case SchemaKind.WholeNumber:
                yield return ("letters", "abc", true);
                yield return ("too large for any number", "2147483648", true);
                yield return ("a fraction", "1.5", true);
                yield return ("the largest 32-bit integer", "2147483647", false);
                yield return ("zero", "0", false);
                yield return ("minus one", "-1", false);
                yield return ("twice", "1&" + Uri.EscapeDataString(parameter.Name) + "=2", false);
                break;
            case SchemaKind.Enum:
                yield return ("number 99", "99", true);
                yield return ("number 1", "1", true);
                yield return ("a name it does not have", "NotAName", true);
                yield return ("two names", Uri.EscapeDataString(string.Join(",", parameter.Schema.EnumValues.Take(2))), true);
                break;
            case SchemaKind.Date:
                yield return ("30 February", "2023-02-30", true);
                yield return ("nonsense", "nonsense", true);
                yield return ("the first day of the calendar", "0001-01-01", true);
                yield return ("the last day of the calendar", "9999-12-31", true);
                break;
            case SchemaKind.Boolean:
                yield return ("maybe", "maybe", true);
                yield return ("2", "2", true);
                break;
            default:
                yield return ($"{Huge} characters", new string('q', Huge), false);
                yield return ("emoji and right-to-left marks", Uri.EscapeDataString("😀\u200f\u202e"), false);
                yield return ("search syntax", Uri.EscapeDataString("\"a\" OR NOT (b* & c) -- ' ; %"), false);
                yield return ("a lone surrogate, percent-encoded", "%ED%A0%80", false);
                break;
        }
    }

    private static Dictionary<string, string> RandomIds(ApiOperation operation, Random random) =>
        operation.In("path").Where(p => p.Schema.Kind == SchemaKind.Uuid).ToDictionary(p => p.Name, _ => NewGuid(random).ToString());

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Url(ApiOperation operation, IReadOnlyDictionary<string, string> real, Dictionary<string, string> overrides)
    {
        var url = operation.Template;
        foreach (var parameter in operation.In("path"))
        {
            var value = overrides.TryGetValue(parameter.Name, out var o) ? o
                : real.TryGetValue(parameter.Name, out var r) ? Uri.EscapeDataString(r)
                : parameter.Schema.Kind == SchemaKind.WholeNumber ? "1"
                : Guid.Empty.ToString();
            url = url.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>A hash of a string that is the same in every run (string.GetHashCode is not).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
