using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Waypoint.Infrastructure;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Which requests share a rate limit: sign-in attempts and survey answers per client address, and API calls per
/// token (or per address when no token is sent). Everything else is not limited here.
/// </summary>
public static class RateLimits
{
    public static RateLimitPartition<string> PartitionFor(HttpContext context, RateLimitSettings settings)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            return Window("sign-in:" + address, settings.SignInPerMinute);
        }

        if (HttpMethods.IsPost(request.Method) && IsSurveyAnswer(request.Path))
        {
            return Window("survey-answer:" + address, settings.SurveyAnswersPerMinute);
        }

        if (request.Path.StartsWithSegments("/api"))
        {
            var authorization = request.Headers.Authorization.ToString();
            var key = authorization.Length > 0
                ? "api-token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))
                : "api-address:" + address;
            return Window(key, settings.ApiPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    /// <summary>Answers to a survey: <c>/api/v1/orgs/{org}/mindset/responses</c>, sent with no sign-in.</summary>
    public static bool IsSurveyAnswer(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Trim('/').Split('/');
        return segments is ["api", "v1", "orgs", _, "mindset", "responses"];
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
