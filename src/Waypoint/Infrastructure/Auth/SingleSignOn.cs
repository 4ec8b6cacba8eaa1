using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Waypoint.Infrastructure.Auth;

/// <summary>
/// Optional OpenID Connect sign-in (Entra ID and the like), configured entirely from <c>Waypoint:OpenIdConnect</c>
/// and off while no authority is set. A person signing in this way must already have a Waypoint account with
/// the same email address: single sign-on proves who someone is, membership still says what they may do.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";

    public static void Add(AuthenticationBuilder authentication, OpenIdConnectSettings settings, CookieSecurePolicy cookieSecurity)
    {
        if (!settings.IsEnabled)
        {
            return;
        }

        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            // Metadata must come over HTTPS, except from a provider on this machine (development and tests).
            o.RequireHttpsMetadata = !Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/account/sign-in-oidc";
            o.SignedOutCallbackPath = "/account/signed-out-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.CorrelationCookie.SecurePolicy = cookieSecurity;
            o.NonceCookie.SecurePolicy = cookieSecurity;
        });
    }
}
