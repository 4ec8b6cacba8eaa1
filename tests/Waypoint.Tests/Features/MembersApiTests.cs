using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Waypoint.Tests.Features;

public abstract class MembersApiTests(WaypointApp app)
{
    private const string Members = "/api/v1/orgs/anytown/members/";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"email":"someone@anytown.example"}""", "role", "Choose a role")]
    [InlineData("""{"role":"Member"}""", "email", "Enter an email address")]
    [InlineData("""{"email":"not-an-email","role":"Member"}""", "email", "Enter an email address in the correct format, like name@example.org")]
    [InlineData("""{"email":"member@anytown.example","role":"Member"}""", "email", "member@anytown.example already belongs to this organisation")]
    public async Task Bad_members_are_refused_naming_the_field(string body, string field, string message)
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var response = await admin.PostAsync(Members, Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_the_field()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var response = await admin.PostAsync(Members, Json("""{"email":"wizard@anytown.example","role":"Wizard"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("role must be one of Viewer, Stakeholder, Member, Leader or Admin.", problem.GetProperty("errors").GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task An_admin_adds_changes_and_removes_a_member()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var created = await admin.PostAsync(Members, Json("""{"email":"analyst@anytown.example","displayName":"Ana Lyst","role":"Viewer"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ana Lyst", member.GetProperty("displayName").GetString());

        using var change = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = Json("""{"role":"Leader"}""") };
        change.Headers.IfMatch.Add(created.Headers.ETag!);
        var changed = await admin.SendAsync(change);
        Assert.Equal("Leader", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(created.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(created.Headers.Location)).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>(Members);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("email").GetString() == "analyst@anytown.example");
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var first = await admin.GetFromJsonAsync<JsonElement>($"{Members}?page=1&pageSize=2");
        var second = await admin.GetFromJsonAsync<JsonElement>($"{Members}?page=2&pageSize=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());
    }
}

public sealed class MembersApiOnSqlite(SqliteApp app) : MembersApiTests(app), IClassFixture<SqliteApp>;

public sealed class MembersApiOnPostgres(PostgresApp app) : MembersApiTests(app), IClassFixture<PostgresApp>;
