using Waypoint.Data;

namespace Waypoint.Infrastructure;

/// <summary>Everything under the <c>Waypoint</c> section of configuration (environment: <c>Waypoint__…</c>).</summary>
public sealed class WaypointSettings
{
    public const string Section = "Waypoint";

    public DatabaseSettings Database { get; set; } = new();

    public DemoSettings Demo { get; set; } = new();

    public RateLimitSettings RateLimits { get; set; } = new();

    public HttpsSettings Https { get; set; } = new();

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    public static WaypointSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<WaypointSettings>() ?? new WaypointSettings();
}

public sealed class DemoSettings
{
    /// <summary>Whether <c>serve</c> seeds the demo organisations into a new, empty database.</summary>
    public bool Seed { get; set; } = true;
}

public sealed class RateLimitSettings
{
    /// <summary>Sign-in attempts allowed from one address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API requests allowed per token (or per address, without one) per minute.</summary>
    public int ApiPerMinute { get; set; } = 300;

    /// <summary>
    /// Survey answers allowed from one address per minute. Answering needs no sign-in, so this is what stops one
    /// client flooding a campaign; set it with the number of people who answer from behind one office address in mind.
    /// </summary>
    public int SurveyAnswersPerMinute { get; set; } = 60;
}

public sealed class HttpsSettings
{
    /// <summary>Redirect to HTTPS and send HSTS. Turn on in production behind TLS.</summary>
    public bool Enabled { get; set; }
}

public sealed class OpenIdConnectSettings
{
    /// <summary>The issuer, such as https://login.microsoftonline.com/{tenant}/v2.0. Single sign-on is off while this is empty.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Shown on the sign-in button, such as "Sign in with your council account".</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation's account";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
