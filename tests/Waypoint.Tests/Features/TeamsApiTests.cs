using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;

namespace Waypoint.Tests.Features;

public abstract class TeamsApiTests(WaypointApp app)
{
    private const string Teams = "/api/v1/orgs/anytown/teams/";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private Task<int> TeamCountAsync() => app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task A_bearer_token_reads_its_organisation_in_camel_case_json()
    {
        var client = await app.ApiClientAsync("anytown", "viewer@anytown.example", TokenScope.Read);
        var organisation = await client.GetFromJsonAsync<JsonElement>("/api/v1/orgs/anytown");
        Assert.Equal("anytown", organisation.GetProperty("slug").GetString());
        Assert.Equal("Viewer", organisation.GetProperty("yourRole").GetString());

        var teams = await client.GetFromJsonAsync<JsonElement>(Teams);
        var names = teams.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Count, teams.GetProperty("total").GetInt32());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Superset(new HashSet<string> { "Customer Contact", "Data and Insight", "Digital Services", "Waste Transformation" }, names.ToHashSet());
        Assert.DoesNotContain("Digital", names);
    }

    [Fact]
    public async Task A_token_for_one_organisation_is_refused_for_another()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var response = await client.GetAsync("/api/v1/orgs/otherton");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var write = await client.PostAsync("/api/v1/orgs/otherton/teams/", Json("""{"name":"Planted"}"""));
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().AnyAsync(t => t.Name == "Planted")));
    }

    [Fact]
    public async Task Another_organisations_team_cannot_be_read_or_changed_through_ones_own()
    {
        var othertonTeam = await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().Where(t => t.Name == "Digital").Select(t => t.Id).SingleAsync());
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Teams}{othertonTeam}")).StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Teams}{othertonTeam}") { Content = Json("""{"name":"Hijacked"}""") };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(put)).StatusCode);
        Assert.Equal("Digital", await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().Where(t => t.Id == othertonTeam).Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_creates_a_team_and_the_audit_trail_records_it()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var response = await client.PostAsync(Teams, Json("""{"name":"  Revenues and Benefits ","description":"Pays benefits."}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var team = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Revenues and Benefits", team.GetProperty("name").GetString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);

        var audit = await client.GetFromJsonAsync<JsonElement>("/api/v1/orgs/anytown/audit");
        var entry = audit.GetProperty("items").EnumerateArray().First(e => e.GetProperty("entityId").GetString() == team.GetProperty("id").GetString());
        Assert.Equal("Created", entry.GetProperty("action").GetString());
        Assert.Equal("Alex Morgan", entry.GetProperty("actor").GetString());
        Assert.Contains("Revenues and Benefits", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"description":"no name"}""", "name", "Enter a team name")]
    [InlineData("""{"name":"   "}""", "name", "Enter a team name")]
    [InlineData("""{"name":"Digital Services"}""", "name", "There is already a team called Digital Services")]
    public async Task Bad_values_are_refused_with_the_field_named_and_nothing_is_written(string body, string field, string message)
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var before = await TeamCountAsync();
        var response = await client.PostAsync(Teams, Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(before, await TeamCountAsync());
    }

    [Fact]
    public async Task An_over_long_field_is_refused_naming_the_field()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var response = await client.PostAsync(Teams, Json(JsonSerializer.Serialize(new { name = new string('x', 121) })));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Team name must be 120 characters or fewer", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task A_malformed_body_gets_problem_details_and_no_stack_trace()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var before = await TeamCountAsync();
        var response = await client.PostAsync(Teams, Json("""{"name": 42}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("name must be text.", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));

        var broken = await client.PostAsync(Teams, Json("""{"name": """));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var text = await broken.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(before, await TeamCountAsync());
    }

    [Fact]
    public async Task Updates_need_the_current_etag_so_nobody_overwrites_a_change_unseen()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var created = await client.PostAsync(Teams, Json("""{"name":"Concurrency"}"""));
        var location = created.Headers.Location!;
        var etag = created.Headers.ETag!;

        using var noIfMatch = new HttpRequestMessage(HttpMethod.Put, location) { Content = Json("""{"name":"No precondition"}""") };
        Assert.Equal((HttpStatusCode)428, (await client.SendAsync(noIfMatch)).StatusCode);

        using var first = new HttpRequestMessage(HttpMethod.Put, location) { Content = Json("""{"name":"First change"}""") };
        first.Headers.IfMatch.Add(etag);
        var firstResponse = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.NotEqual(etag, firstResponse.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Put, location) { Content = Json("""{"name":"Stale change"}""") };
        stale.Headers.IfMatch.Add(etag);
        var staleResponse = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        Assert.Equal("First change", (await client.GetFromJsonAsync<JsonElement>(location)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_read_only_token_cannot_change_anything_even_for_an_admin()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example", TokenScope.Read);
        var response = await client.PostAsync(Teams, Json("""{"name":"Read only"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_read_only_token_reads_what_its_owners_role_allows()
    {
        var client = await app.ApiClientAsync("anytown", "admin@anytown.example", TokenScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/orgs/anytown/members/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/orgs/anytown/audit")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_expired_token_is_refused()
    {
        var client = await app.AnonymousAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wp_not-a-real-token");
        var response = await client.GetAsync("/api/v1/orgs/anytown");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_signed_in_cookie_does_not_work_on_the_api()
    {
        var cookie = await app.SessionCookieAsync("admin@anytown.example");
        var client = await app.AnonymousAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orgs/anytown");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }
}

public sealed class TeamsApiOnSqlite(SqliteApp app) : TeamsApiTests(app), IClassFixture<SqliteApp>;

public sealed class TeamsApiOnPostgres(PostgresApp app) : TeamsApiTests(app), IClassFixture<PostgresApp>;
