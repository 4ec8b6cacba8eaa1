using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.TestCommon.Fuzzing;
using Xunit.Abstractions;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// Every operation of the OpenAPI document, sent many requests that are wrong by construction (generated from the
/// document, from a fixed seed), as a person who may make the change and as nobody. None may answer 5xx; every
/// refusal is RFC 9457 problem details; no change is accepted; and the database is the same afterwards. A new
/// endpoint is fuzzed as soon as it is in the document, and every endpoint the app maps must be in the document.
/// </summary>
public abstract partial class ApiFuzzTests(WaypointApp app, ITestOutputHelper output)
{
    private const int Seed = 20261201;

    [Fact]
    public async Task Every_operation_refuses_bad_requests_with_problem_details_and_changes_nothing()
    {
        await app.ReadyAsync();
        var anonymous = await app.AnonymousAsync();
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var foreignAdmin = await app.ApiClientAsync("otherton", "admin@otherton.example");
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var operations = ApiOperations.Read(document).OrderBy(o => o.Template, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();

        // What the document describes is what the app maps, so fuzzing the document fuzzes every endpoint.
        var described = operations.Select(o => $"{o.Method} {o.Template}").ToHashSet(StringComparer.Ordinal);
        var mapped = MappedApiEndpoints();
        Assert.True(mapped.SetEquals(described),
            "Mapped but not in the OpenAPI document: " + string.Join(", ", mapped.Except(described)) +
            "; in the document but not mapped: " + string.Join(", ", described.Except(mapped)));

        var ours = await IdBook.CreateAsync(admin, "anytown", operations);
        var theirs = await IdBook.CreateAsync(foreignAdmin, "otherton", operations);
        var generator = new BadRequestGenerator(ours.PlausibleIdFor);
        var failures = new List<string>();
        var fuzzed = new List<string>();
        var sent = 0;
        var answers = new SortedDictionary<int, int>();
        // Between operations only reads happen, so one operation's "after" is the next one's "before".
        var before = await FingerprintAsync();
        foreach (var operation in operations)
        {
            var path = new PathValues(await ours.PathAsync(operation), await theirs.PathAsync(operation));
            var requests = generator.For(operation, path, Seed);
            for (var i = 0; i < requests.Count; i++)
            {
                // A token of someone who may make the change, so that the checks behind authorisation are reached;
                // and, for some of them, nobody.
                await SendAsync(operation.Anonymous ? anonymous : admin, operation, requests[i], asNobody: operation.Anonymous, failures, answers);
                sent++;
                if (!operation.Anonymous && i % 4 == 0)
                {
                    await SendAsync(anonymous, operation, requests[i], asNobody: true, failures, answers);
                    sent++;
                }
            }

            var after = await FingerprintAsync();
            var changed = before.Differences(after);
            if (changed.Count > 0)
            {
                failures.Add($"{operation}: bad requests changed the database: {string.Join("; ", changed)}");
            }

            before = after;

            if (requests.Count >= 5)
            {
                fuzzed.Add(operation.Key);
            }
        }

        output.WriteLine($"{sent} requests to {operations.Count} operations; answers: {string.Join(", ", answers.Select(a => $"{a.Key} × {a.Value}"))}; fingerprints took {_fingerprinting.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} bad requests were mishandled:\n" + string.Join("\n", failures.Take(300)));
        Assert.Equal(operations.Count, fuzzed.Count);
        Assert.Equal(document.RootElement.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count(m => m.Name is "get" or "put" or "post" or "delete" or "patch")), fuzzed.Count);
    }

    [Fact]
    public async Task The_fingerprint_notices_a_row_added_and_a_row_changed_in_place()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var start = await FingerprintAsync();
        var created = await admin.PostAsync("/api/v1/orgs/anytown/teams/", new StringContent("""{"name":"Fingerprinted"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var added = await FingerprintAsync();
        Assert.Contains(start.Differences(added), d => d.StartsWith("teams: ", StringComparison.Ordinal));

        // A change that adds no row anywhere, not even to the audit trail: only the hash of the row tells.
        await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().Where(t => t.Name == "Fingerprinted")
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Description, "changed in place")));
        var changed = Assert.Single(added.Differences(await FingerprintAsync()));
        Assert.StartsWith("teams: ", changed, StringComparison.Ordinal);
        Assert.EndsWith("(a row changed)", changed, StringComparison.Ordinal);
    }

    private static async Task SendAsync(HttpClient client, ApiOperation operation, BadRequest request, bool asNobody, List<string> failures, SortedDictionary<int, int> answers)
    {
        var who = asNobody ? "nobody" : "admin";
        HttpResponseMessage response;
        try
        {
            using var message = request.ToMessage();
            response = await client.SendAsync(message);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The test host, like Kestrel, turns a NUL in the path away before the app sees it.
            return;
        }
        catch (Exception e)
        {
            // The test host hands the app's unhandled exceptions to the client: the server failed.
            failures.Add($"{operation}, as {who}: {request} failed in the server with {e.GetType().Name}: {e.Message}");
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500 || status < 200 || (status is >= 300 and < 400))
            {
                failures.Add($"{operation}, as {who}: {request} answered {status} {Snippet(body)}");
            }
            else if (status < 300)
            {
                if (operation.Changes || (asNobody && !operation.Anonymous))
                {
                    failures.Add($"{operation}, as {who}: {request} was accepted ({status})");
                }
            }
            else if (ProblemFault(response, status, body) is { } fault)
            {
                failures.Add($"{operation}, as {who}: {request} answered {status} but {fault}");
            }
        }
    }

    /// <summary>Why a 4xx answer is not RFC 9457 problem details with its status and a title, or null when it is.</summary>
    private static string? ProblemFault(HttpResponseMessage response, int status, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"its content type is '{response.Content.Headers.ContentType}' ({Snippet(body)})";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
            {
                return $"its status is not {status}: {Snippet(body)}";
            }

            if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return $"it has no title: {Snippet(body)}";
            }
        }
        catch (JsonException)
        {
            return $"its body is not JSON: {Snippet(body)}";
        }

        return null;
    }

    private static string Snippet(string body) => body.Length > 200 ? body[..200] + "…" : body;

    private readonly System.Diagnostics.Stopwatch _fingerprinting = new();

    private async Task<DatabaseFingerprint> FingerprintAsync()
    {
        _fingerprinting.Start();
        var fingerprint = await app.WithDbAsync(DatabaseFingerprint.TakeAsync);
        _fingerprinting.Stop();
        return fingerprint;
    }

    private HashSet<string> MappedApiEndpoints()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            // The document writes {id} for {id:guid} and {token} for {token?}.
            var template = Constraint().Replace(pattern, "{$1}");
            foreach (var method in methods.HttpMethods)
            {
                keys.Add($"{method} {template}");
            }
        }

        return keys;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex Constraint();

    /// <summary>
    /// Real ids of an organisation's records, found through the API itself: a path parameter after a collection is an
    /// item of that collection (or of the parent record's property of that name); a body property such as "teamId"
    /// is an item of "teams".
    /// </summary>
    private sealed class IdBook
    {
        private readonly HttpClient _client;
        private readonly string _organisation;
        private readonly Dictionary<string, string?> _firstIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _byCollection = new(StringComparer.OrdinalIgnoreCase);

        private IdBook(HttpClient client, string organisation)
        {
            _client = client;
            _organisation = organisation;
        }

        public static async Task<IdBook> CreateAsync(HttpClient client, string organisation, IReadOnlyList<ApiOperation> operations)
        {
            var book = new IdBook(client, organisation);
            foreach (var collection in operations.Where(o => o.Method == "GET" && o.In("path").All(p => p.Name == "org")))
            {
                var segments = Segments(collection.Template, organisation);
                if (await book.FirstIdAsync(segments) is { } id)
                {
                    book._byCollection.TryAdd(segments[^1], id);
                }
            }

            return book;
        }

        public string? PlausibleIdFor(string property)
        {
            var name = property.EndsWith("Id", StringComparison.Ordinal) ? property[..^2] : property;
            return _byCollection.GetValueOrDefault(name + "s") ?? _byCollection.GetValueOrDefault(name);
        }

        public async Task<IReadOnlyDictionary<string, string>> PathAsync(ApiOperation operation)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var concrete = new List<string>();
            foreach (var segment in operation.Template.Trim('/').Split('/'))
            {
                if (!segment.StartsWith('{'))
                {
                    concrete.Add(segment);
                    continue;
                }

                var name = segment[1..^1];
                var parameter = operation.In("path").FirstOrDefault(p => p.Name == name);
                var value = name == "org" ? _organisation
                    : parameter?.Schema.Kind == SchemaKind.WholeNumber ? "1"
                    : await FirstIdAsync(concrete);
                if (value is null)
                {
                    break;
                }

                values[name] = value;
                concrete.Add(value);
            }

            return values;
        }

        private static List<string> Segments(string template, string organisation) =>
            template.Trim('/').Split('/').Select(s => s == "{org}" ? organisation : s).ToList();

        /// <summary>The first id in the list at this path, or in the parent record's property named like the path's last segment.</summary>
        private async Task<string?> FirstIdAsync(List<string> segments)
        {
            var url = "/" + string.Join('/', segments);
            if (_firstIds.TryGetValue(url, out var known))
            {
                return known;
            }

            var id = FirstId(await GetAsync(url), null);
            if (id is null && segments.Count > 1)
            {
                id = FirstId(await GetAsync("/" + string.Join('/', segments.Take(segments.Count - 1))), segments[^1]);
            }

            _firstIds[url] = id;
            return id;
        }

        private async Task<JsonElement?> GetAsync(string url)
        {
            using var response = await _client.GetAsync(url);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
            {
                return null;
            }

            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        private static string? FirstId(JsonElement? body, string? property)
        {
            if (body is not { } element)
            {
                return null;
            }

            var list = property is not null
                ? element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var named) ? named : default
                : element.ValueKind == JsonValueKind.Array ? element
                : element.ValueKind == JsonValueKind.Object && element.TryGetProperty("items", out var items) ? items
                : default;
            return list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out var id) ? id.ToString() : null).FirstOrDefault(i => i is not null)
                : null;
        }
    }
}

public sealed class ApiFuzzTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<SqliteApp>;

public sealed class ApiFuzzTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : ApiFuzzTests(app, output), IClassFixture<PostgresApp>;
