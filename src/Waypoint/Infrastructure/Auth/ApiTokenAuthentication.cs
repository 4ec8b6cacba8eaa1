using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waypoint.Core.Access;
using Waypoint.Data;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Infrastructure.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer wp_…</c> with a token made by <c>waypoint tokens create</c>. The token is
/// looked up by the hash of its secret; an expired or revoked token, or one whose user has gone, is refused.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WaypointDb db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return AuthenticateResult.Fail("The bearer token is not a Waypoint token.");
        }

        var hash = ApiToken.Hash(secret);
        // Tokens are looked up before any organisation is in scope, so past the tenant filter, by their hash alone.
        var found = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsableAt(clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, found.Token.UserId.ToString()),
                new Claim(ClaimTypes.Name, found.Email ?? found.DisplayName),
                new Claim(WaypointClaims.DisplayName, found.DisplayName),
                new Claim(WaypointClaims.TokenOrganisation, found.Token.OrganisationId.ToString()),
                new Claim(WaypointClaims.TokenScope, found.Token.Scope.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign in needed",
            "Send a bearer token made with 'waypoint tokens create' in the Authorization header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "Your role in this organisation, or your token's scope, does not allow this.");
    }
}
