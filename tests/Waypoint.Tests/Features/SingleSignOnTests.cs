using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Waypoint.Tests.Features;

/// <summary>
/// Single sign-on configured from settings alone. An identity provider on loopback publishes its discovery
/// document, as Entra ID does; Waypoint must send people to it with PKCE and the registered redirect URI.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private WebApplication _provider = null!;
    private WaypointApp _app = null!;
    private string _authority = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"http://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/keys",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        _provider.MapGet("/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _provider.StartAsync();
        _authority = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _app = new SqliteApp()
            .With("Waypoint:OpenIdConnect:Authority", _authority)
            .With("Waypoint:OpenIdConnect:ClientId", "waypoint-test")
            .With("Waypoint:OpenIdConnect:DisplayName", "Sign in with your Anytown account");
        await _app.ReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_sends_people_to_it_with_pkce()
    {
        var client = await _app.AnonymousAsync();
        var page = await client.GetPageAsync("/account/sign-in");
        Assert.Equal("Sign in with your Anytown account", page.QuerySelector("form[action='/account/external'] button")!.TextContent);

        var response = await client.SubmitFormAsync("/account/sign-in", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(_authority + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=waypoint-test", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Faccount%2Fsign-in-oidc", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_may_post_to_the_provider_and_nowhere_else()
    {
        var client = await _app.AnonymousAsync();
        var response = await client.GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {_authority};", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coming_back_without_the_providers_answer_signs_nobody_in()
    {
        var client = await _app.AnonymousAsync();
        var page = await client.GetPageAsync("/account/external");
        Assert.Equal("Could not sign you in", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/anytown")).StatusCode);
    }
}
