using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Tests.Infrastructure;

public abstract class HostTests(WaypointApp app)
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var client = await app.AnonymousAsync();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_api_endpoint()
    {
        var client = await app.AnonymousAsync();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var expected in new[]
                 {
                     "/api/v1/orgs/{org}", "/api/v1/orgs/{org}/teams", "/api/v1/orgs/{org}/teams/{id}",
                     "/api/v1/orgs/{org}/services", "/api/v1/orgs/{org}/services/{id}",
                     "/api/v1/orgs/{org}/members", "/api/v1/orgs/{org}/members/{id}", "/api/v1/orgs/{org}/audit",
                     "/api/v1/orgs/{org}/mindset/campaigns/{id}/results", "/api/v1/orgs/{org}/mindset/responses",
                 })
        {
            Assert.Contains(expected, paths);
        }

        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Name);

        // Answering a survey needs no token, and the document says so; everything else needs one.
        var paths2 = document.RootElement.GetProperty("paths");
        Assert.Equal(0, paths2.GetProperty("/api/v1/orgs/{org}/mindset/responses").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.False(paths2.GetProperty("/api/v1/orgs/{org}/teams").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var client = await app.AnonymousAsync();
        var response = await client.GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Unknown_page_gets_the_404_page_and_unknown_api_path_gets_problem_details()
    {
        var client = await app.AnonymousAsync();
        var page = await client.GetAsync("/no-such-organisation/teams");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/orgs/no-such-organisation");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stylesheet_built_from_govuk_frontend_is_served()
    {
        var client = await app.AnonymousAsync();
        var css = await client.GetStringAsync("/css/waypoint.css");
        Assert.Contains(".govuk-header", css, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        var script = await client.GetAsync("/lib/govuk-frontend.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The model has changes that no migration covers: run dotnet ef migrations add for both providers.");
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_a_second_instance_keeps_people_signed_in()
    {
        var cookie = await app.SessionCookieAsync("leader@anytown.example");

        await using var second = (WaypointApp)Activator.CreateInstance(app.GetType())!;
        second.With("Waypoint:Database:ConnectionString", app.ConnectionString);
        var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anytown");
        request.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }
}

public sealed class HostTestsOnSqlite(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

public sealed class HostTestsOnPostgres(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;
