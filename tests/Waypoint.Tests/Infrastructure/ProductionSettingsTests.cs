using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Waypoint.Tests.Infrastructure;

/// <summary>With HTTPS turned on for production: redirect to HTTPS, HSTS, and cookies that never travel in clear.</summary>
public sealed class ProductionSettingsTests : IAsyncLifetime
{
    private readonly WaypointApp _app = new SqliteApp().With("Waypoint:Https:Enabled", "true").With("https_port", "443");

    public Task InitializeAsync() => _app.ReadyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var response = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost/account/sign-in", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_secure_cookies()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://waypoint.example") });
        var response = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waypoint-antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://waypoint.example") });
        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = "viewer@anytown.example", ["password"] = WaypointApp.DemoPassword });
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waypoint=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }
}
