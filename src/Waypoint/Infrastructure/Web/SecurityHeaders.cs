using Waypoint.Infrastructure;

namespace Waypoint.Infrastructure.Web;

/// <summary>Headers that every response carries. The policy allows no inline script or style anywhere.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy. Forms may post only to Waypoint, and to the single sign-on provider when one is configured
    /// (signing in with it posts to Waypoint, which redirects there, and browsers apply form-action to that redirect).
    /// </summary>
    public static string ContentSecurityPolicy(OpenIdConnectSettings singleSignOn)
    {
        var formAction = singleSignOn.IsEnabled && Uri.TryCreate(singleSignOn.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, OpenIdConnectSettings singleSignOn)
    {
        var policy = ContentSecurityPolicy(singleSignOn);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                // A page may ask for less (the survey's invitation link carries its token in the address).
                if (!headers.ContainsKey("Referrer-Policy"))
                {
                    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                }
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
