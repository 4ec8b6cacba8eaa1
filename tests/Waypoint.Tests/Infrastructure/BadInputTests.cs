using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waypoint.Features.Demo;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// The crafted requests that used to reach a 500, store garbage or answer with an empty body, each tried on its own:
/// every one now gets a 4xx problem naming what is wrong, and changes nothing.
/// </summary>
public abstract class BadInputTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static string[] ErrorsFor(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string json, string? ifMatch = "*")
    {
        using var request = new HttpRequestMessage(method, url) { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string> FirstIdAsync(HttpClient client, string list) =>
        JsonDocument.Parse(await client.GetStringAsync(list)).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

    private static async Task<string> CreatedIdAsync(HttpClient client, string url, string json)
    {
        var response = await client.PostAsync(url, Json(json));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private Task<DatabaseFingerprint> FingerprintAsync() => app.WithDbAsync(DatabaseFingerprint.TakeAsync);

    [Fact]
    public async Task Null_items_in_lists_are_refused_naming_the_item_and_change_nothing()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var indicator = await FirstIdAsync(leader, $"{Api}/indicators/");
        var before = await FingerprintAsync();

        var appetites = await ProblemAsync(await SendAsync(leader, HttpMethod.Put, $"{Api}/risk-appetite", """{"appetites":[null]}"""), HttpStatusCode.BadRequest);
        Assert.Contains("appetites[0] must not be null: remove it, or give it a value", ErrorsFor(appetites, "appetites[0]"));

        var batch = await ProblemAsync(await leader.PostAsync($"{Api}/indicators/{indicator}/measurements/batch",
            Json("""{"measurements":[{"date":"2026-01-01","value":1},null]}""")), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(batch, "measurements[1]"));

        var owners = await ProblemAsync(await leader.PostAsync($"{Api}/steps/", Json("""{"title":"A step","owners":[null]}""")), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(owners, "owners[0]"));

        var anonymous = await app.AnonymousAsync();
        var answers = await ProblemAsync(await anonymous.PostAsync($"{Api}/mindset/responses", Json("""{"link":"abc","answers":[null],"comments":[null]}""")), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(answers, "answers[0]"));

        Assert.Empty(before.Differences(await FingerprintAsync()));
    }

    [Fact]
    public async Task Enum_values_must_be_names_in_bodies_and_query_strings()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var before = await FingerprintAsync();

        foreach (var role in new[] { "99", "4", "\"99\"", "\"Viewer, Admin\"" })
        {
            var response = await admin.PostAsync($"{Api}/members/", Json(
                $$"""{"email":"enum-{{Guid.NewGuid():N}}@anytown.example","displayName":"Enum","role":{{role}},"password":"a long test password 77"}"""));
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("role must be one of Viewer, Stakeholder, Member, Leader or Admin", ErrorsFor(problem, "role")[0], StringComparison.Ordinal);
        }

        var visibility = await ProblemAsync(await admin.PostAsync($"{Api}/outcomes/", Json(
            $$"""{"teamId":"{{DemoSeeder.IdFor("anytown/team/Digital Services")}}","title":"T","userNeed":"U","doneMeans":"D","targetDate":"2027-03-31","visibility":99}""")),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(visibility, "visibility"));

        foreach (var state in new[] { "99", "1", "Draft,Active" })
        {
            var problem = await ProblemAsync(await admin.GetAsync($"{Api}/outcomes/?state={state}"), HttpStatusCode.BadRequest);
            Assert.Equal(["state must be one of Draft, Agreed, Active, Achieved, Missed or Retired"], ErrorsFor(problem, "state"));
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Api}/outcomes/?state=Active")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Api}/steps/?status=Doing")).StatusCode);
        Assert.Empty(before.Differences(await FingerprintAsync()));
    }

    [Fact]
    public async Task Dates_at_the_edges_of_the_calendar_are_refused_where_they_come_in()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var team = DemoSeeder.IdFor("anytown/team/Digital Services");
        var indicator = await CreatedIdAsync(leader, $"{Api}/indicators/",
            $$"""{"name":"Edge indicator {{Guid.NewGuid():N}}","unit":"%","direction":"Increase","kind":"HowWell","cadence":"Monthly","teamId":"{{team}}"}""");
        var outcome = await CreatedIdAsync(leader, $"{Api}/outcomes/",
            $$"""{"teamId":"{{team}}","title":"Edge outcome","userNeed":"A need","doneMeans":"Done","targetDate":"2027-03-31","visibility":"Organisation"}""");
        var before = await FingerprintAsync();

        // A step over eight thousand years used to be counted day by day, and its last day overflowed the calendar.
        var step = await ProblemAsync(await leader.PostAsync($"{Api}/steps/", Json(
            $$"""{"outcomeId":"{{outcome}}","title":"Forever","change":"c","indicatorId":"{{indicator}}","expectedEffect":"e","because":"b","owners":["{{DemoSeeder.IdFor("leader@anytown.example")}}"],"startDate":"0001-01-01","dueDate":"9999-12-31","boxOverrideReason":"long"}""")),
            HttpStatusCode.BadRequest);
        Assert.Equal(["The start date must be between 1 January 1900 and 31 December 2100"], ErrorsFor(step, "startDate"));

        var target = await ProblemAsync(await leader.PostAsync($"{Api}/outcomes/", Json(
            $$"""{"teamId":"{{DemoSeeder.IdFor("anytown/team/Digital Services")}}","title":"T","userNeed":"U","doneMeans":"D","targetDate":"9999-12-31","visibility":"Organisation"}""")),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(target, "targetDate"));

        var holidays = await ProblemAsync(await SendAsync(leader, HttpMethod.Put, $"{Api}/risk-appetite", """{"holidays":["2026-12-25","0001-01-01"]}"""), HttpStatusCode.BadRequest);
        Assert.Equal(["Each holiday must be between 1 January 1900 and 31 December 2100"], ErrorsFor(holidays, "holidays"));

        var calibration = await ProblemAsync(await leader.GetAsync($"{Api}/calibration?from=0001-01-01&to=9999-12-31"), HttpStatusCode.BadRequest);
        Assert.Equal(["from must be between 1 January 1900 and 31 December 2100"], ErrorsFor(calibration, "from"));
        Assert.NotEmpty(ErrorsFor(calibration, "to"));
        Assert.Empty(before.Differences(await FingerprintAsync()));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_paging_out_of_range_is_refused()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        foreach (var list in new[] { "teams/", "outcomes/", "audit", "learning" })
        {
            // (page - 1) × size used to overflow and wrap round to the first page.
            var far = JsonDocument.Parse(await admin.GetStringAsync($"{Api}/{list}?page=2147483647&pageSize=200")).RootElement;
            Assert.Equal(0, far.GetProperty("items").GetArrayLength());
            Assert.Equal(2147483647, far.GetProperty("page").GetInt32());
            Assert.True(far.GetProperty("total").GetInt32() > 0, list);
        }

        var zero = await ProblemAsync(await admin.GetAsync($"{Api}/teams/?page=0"), HttpStatusCode.BadRequest);
        Assert.Equal(["page must be 1 or more"], ErrorsFor(zero, "page"));
        foreach (var size in new[] { "0", "201", "-5" })
        {
            var problem = await ProblemAsync(await admin.GetAsync($"{Api}/audit?pageSize={size}"), HttpStatusCode.BadRequest);
            Assert.Equal(["pageSize must be between 1 and 200"], ErrorsFor(problem, "pageSize"));
        }

        var letters = await ProblemAsync(await admin.GetAsync($"{Api}/teams/?page=abc"), HttpStatusCode.BadRequest);
        Assert.Equal(["page must be a whole number."], ErrorsFor(letters, "page"));
        Assert.DoesNotContain("abc", letters.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var page = document.RootElement.GetProperty("paths").GetProperty("/api/v1/orgs/{org}/teams").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "page");
        Assert.Contains("A page past the last is empty", page.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    [InlineData("text/html;q=1, application/json;q=0")]
    public async Task Problem_details_are_written_whatever_the_client_accepts(string accept)
    {
        var anonymous = await app.AnonymousAsync();
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        foreach (var (client, method, url, body, status) in new (HttpClient, HttpMethod, string, string?, HttpStatusCode)[]
                 {
                     (anonymous, HttpMethod.Get, $"{Api}/teams/", null, HttpStatusCode.Unauthorized),
                     (admin, HttpMethod.Get, $"{Api}/teams/{Guid.NewGuid()}", null, HttpStatusCode.NotFound),
                     (admin, HttpMethod.Get, "/api/v1/orgs/no-such-organisation/teams/", null, HttpStatusCode.NotFound),
                     (admin, HttpMethod.Post, $"{Api}/teams/", "{\"name\":", HttpStatusCode.BadRequest),
                     (admin, HttpMethod.Post, $"{Api}/teams/", "{}", HttpStatusCode.BadRequest),
                     (admin, HttpMethod.Patch, $"{Api}/teams/", "{}", HttpStatusCode.MethodNotAllowed),
                 })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            if (body is not null)
            {
                request.Content = Json(body);
            }

            await ProblemAsync(await client.SendAsync(request), status);
        }
    }

    [Fact]
    public async Task Too_many_requests_are_answered_with_problem_details_to_a_client_that_asked_for_html()
    {
        await using var limited = ((WaypointApp)Activator.CreateInstance(app.GetType())!).With("Waypoint:RateLimits:ApiPerMinute", "2");
        var admin = await limited.ApiClientAsync("anytown", "admin@anytown.example");
        HttpResponseMessage response;
        var sent = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/teams/");
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            response = await admin.SendAsync(request);
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++sent < 10);

        var problem = await ProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Contains("Retry-After", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_json_strings_query_strings_and_addresses_are_refused()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var before = await FingerprintAsync();

        // PostgreSQL cannot store NUL at all: this was a 500 there, and stored invisibly on SQLite.
        var nul = await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("""{"name":"Any\u0000where"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["name must not contain a NUL character"], ErrorsFor(nul, "name"));
        var bell = await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("""{"name":"Ring","description":"a \u0007 bell"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["description must not contain a control character (U+0007)"], ErrorsFor(bell, "description"));
        var surrogate = await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("""{"name":"Half \ud800 a character"}""")), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(surrogate, "name"));

        await ProblemAsync(await admin.GetAsync($"{Api}/learning?q=bins%00"), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync("/api/v1/orgs/any%07town/teams/"), HttpStatusCode.BadRequest);

        var pages = await app.SignedInAsync("admin@anytown.example");
        var page = await pages.GetAsync("/any%07town/outcomes");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("govuk-template", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var search = await pages.GetAsync("/anytown/learning?q=bins%00");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);

        var anonymous = await app.AnonymousAsync();
        var signIn = await anonymous.SubmitFormAsync("/account/sign-in", new() { ["email"] = "admin\0@anytown.example", ["password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        Assert.Empty(before.Differences(await FingerprintAsync()));
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_even_where_the_server_passes_it_on()
    {
        // Kestrel and the test host turn a NUL in the path away themselves; other servers and proxies may not.
        await app.ReadyAsync();
        foreach (var path in new[] { "/api/v1/orgs/any\0town/teams", "/any\0town/outcomes" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Response.Body = new MemoryStream();
            var reached = false;
            await new UnstorableCharacters(_ =>
            {
                reached = true;
                return Task.CompletedTask;
            }).InvokeAsync(context);

            Assert.False(reached);
            Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", context.Response.ContentType);
                Assert.Contains("a NUL character", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Bodies_of_the_wrong_kind_are_refused_with_what_was_expected()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var before = await FingerprintAsync();

        var form = await admin.PostAsync($"{Api}/teams/", new FormUrlEncodedContent([new("name", "Form")]));
        Assert.Contains("Content-Type: application/json", (await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await admin.PostAsync($"{Api}/teams/", new StringContent("{\"name\":\"Plain\"}", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        using var empty = new HttpRequestMessage(HttpMethod.Post, $"{Api}/teams/");
        Assert.Equal("The request needs a JSON body.", (await ProblemAsync(await admin.SendAsync(empty), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal("The request needs a JSON body.", (await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("null")), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal("The request body must be an object.", (await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("[]")), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json(new string('[', 5000) + new string(']', 5000))), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ErrorsFor(await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json("{}")), HttpStatusCode.BadRequest), "name"));

        var guid = await ProblemAsync(await admin.PostAsync($"{Api}/indicators/", Json("""{"name":"I","unit":"%","teamId":"not-a-guid"}""")), HttpStatusCode.BadRequest);
        Assert.StartsWith("teamId must be an id (a GUID", ErrorsFor(guid, "teamId")[0], StringComparison.Ordinal);
        var date = await ProblemAsync(await admin.PostAsync($"{Api}/outcomes/", Json("""{"title":"T","targetDate":"31/12/2027"}""")), HttpStatusCode.BadRequest);
        Assert.Equal(["targetDate must be a date such as 2027-03-31."], ErrorsFor(date, "targetDate"));

        Assert.Empty(before.Differences(await FingerprintAsync()));
    }

    [Fact]
    public async Task A_clients_mistake_is_logged_as_information_without_what_it_sent()
    {
        var logs = new CapturedLogs();
        await using var logged = ((WaypointApp)Activator.CreateInstance(app.GetType())!).WithLogger(logs);
        var admin = await logged.ApiClientAsync("anytown", "admin@anytown.example");
        logs.Clear();

        const string Secret = "sensitive-words-7f3a";
        await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json($$$"""{"name":"{{{Secret}}}","description":{"{{{Secret}}}":1}}""")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync($"{Api}/teams/", Json($$"""{"name":"{{Secret}}",""")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync($"{Api}/teams/?page={Secret}"), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync($"{Api}/outcomes/?state={Secret}"), HttpStatusCode.BadRequest);

        var entries = logs.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(entries, e => e.Text.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Category == "Waypoint.Api"
                                      && e.Message.Contains("Refused POST /api/v1/orgs/{org}/teams/ with 400", StringComparison.Ordinal));
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
