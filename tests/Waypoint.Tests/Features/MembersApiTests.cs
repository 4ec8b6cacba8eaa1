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
    public async Task Adding_an_email_that_already_has_an_account_answers_exactly_as_adding_a_new_one()
    {
        // An account Anytown made, under the name Anytown gave it; and an email nobody has used.
        var anytown = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var existing = $"existing-{Guid.NewGuid():N}@anytown.example";
        (await anytown.PostAsync(Members, Json($$"""{"email":"{{existing}}","displayName":"Anytown's Private Name","role":"Member","password":"a password of their own"}"""))).EnsureSuccessStatusCode();
        var fresh = $"fresh-{Guid.NewGuid():N}@anytown.example";

        const string OthertonMembers = "/api/v1/orgs/otherton/members/";
        var otherton = await app.ApiClientAsync("otherton", "admin@otherton.example");

        // A weak password is refused in the same words for both, before anyone looks for an account.
        var weak = new List<string>();
        foreach (var email in new[] { existing, fresh })
        {
            var refused = await otherton.PostAsync(OthertonMembers, Json($$"""{"email":"{{email}}","role":"Viewer","password":"password"}"""));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            weak.Add(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("password")[0].GetString()!);
        }

        Assert.Equal(weak[0], weak[1]);

        // Added with no name, each is known here by the first part of their email; with a name, by that name.
        var added = new List<JsonElement>();
        foreach (var email in new[] { existing, fresh })
        {
            var response = await otherton.PostAsync(OthertonMembers, Json($$"""{"email":"{{email}}","role":"Viewer"}"""));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            added.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Equal(existing.Split('@')[0], added[0].GetProperty("displayName").GetString());
        Assert.Equal(fresh.Split('@')[0], added[1].GetProperty("displayName").GetString());
        Assert.Equal(added[0].EnumerateObject().Select(p => p.Name), added[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Viewer", added[0].GetProperty("role").GetString());

        var list = await otherton.GetStringAsync(OthertonMembers + "?pageSize=100");
        Assert.DoesNotContain("Anytown's Private Name", list, StringComparison.Ordinal);

        // The organisation's own name for them is the one it sees wherever it shows people: here, a service's manager.
        var service = await otherton.PostAsync("/api/v1/orgs/otherton/services/", Json(
            $$"""{"name":"Reviewed service {{Guid.NewGuid():N}}","serviceManagerId":"{{added[0].GetProperty("userId").GetString()}}"}"""));
        Assert.Equal(existing.Split('@')[0], (await service.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("serviceManagerName").GetString());

        // Anytown still knows the person by its own name.
        Assert.Contains("Anytown's Private Name", await anytown.GetStringAsync(Members + "?pageSize=100"), StringComparison.Ordinal);
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
