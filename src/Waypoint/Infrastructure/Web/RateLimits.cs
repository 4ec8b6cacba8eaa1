using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Infrastructure.Web;

/// <summary>Which allowance a request spends, declared on the endpoint (see ADR 0012).</summary>
public enum RateLimitKind
{
    /// <summary>A sign-in attempt: the page's POST. Limited per client address and per account.</summary>
    SignIn,

    /// <summary>Answering a survey, by the API or by the web form's POST. Limited per client address.</summary>
    SurveyAnswer,

    /// <summary>Any other API request. Limited per person once their token is validated, per client address otherwise.</summary>
    Api,
}

/// <summary>Marks an endpoint (a page model, or an API route or group) with the allowance its requests spend.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RateLimitedAsAttribute(RateLimitKind kind) : Attribute
{
    public RateLimitKind Kind { get; } = kind;
}

/// <summary>
/// Partitions requests by what they are, not by how they are spelled: the endpoint routing chose (so a trailing slash
/// or a change of letter case reaches the same allowance), the person behind a token once authentication has
/// validated it (so re-spelling the header, or using another of one's tokens, does not), and the client address
/// otherwise (an IPv6 client by its /64, which is what one customer is usually given). Sign-in is also limited per
/// account, so that many addresses cannot hammer one account. See ADR 0012.
/// </summary>
public static class RateLimits
{
    private const string AccountItem = "Waypoint.RateLimits.Account";

    /// <summary>
    /// Adds the limiter after routing and authentication. It reads a sign-in form's email first, because a
    /// limiter's partition is chosen synchronously and must not read the request body itself.
    /// </summary>
    public static void UseWaypointRateLimits(this IApplicationBuilder app)
    {
        app.Use(ReadSignInAccountAsync);
        app.UseRateLimiter();
    }

    public static void AddWaypointRateLimits(this IServiceCollection services, RateLimitSettings settings) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByRequest(context, settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ByAccount(context, settings)));
        });

    /// <summary>The allowance a request spends, or null when it is not limited.</summary>
    public static RateLimitKind? KindOf(HttpContext context)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAsAttribute>()?.Kind;
        return declared switch
        {
            // A page is read freely; what it submits is what is limited.
            RateLimitKind.SignIn or RateLimitKind.SurveyAnswer => HttpMethods.IsPost(context.Request.Method) ? declared : null,
            RateLimitKind.Api => RateLimitKind.Api,
            // An API address that matches no endpoint (404, 405) still spends the API allowance: probing is not free.
            _ => Problems.IsApi(context) ? RateLimitKind.Api : null,
        };
    }

    /// <summary>
    /// The client's address as a partition: IPv4 as it is (an IPv4-mapped IPv6 address as the IPv4 one), IPv6 by its
    /// first 64 bits.
    /// </summary>
    public static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> ByRequest(HttpContext context, RateLimitSettings settings)
    {
        var address = ClientAddress(context.Connection.RemoteIpAddress);
        switch (KindOf(context))
        {
            case RateLimitKind.SignIn:
                return Window("sign-in:address:" + address, settings.SignInPerMinute);
            case RateLimitKind.SurveyAnswer:
                return Window("survey-answer:address:" + address, settings.SurveyAnswersPerMinute);
            case RateLimitKind.Api:
                // Authentication has run: a person exists only when their token was valid. A request with a missing,
                // malformed, unknown or revoked token spends its address's allowance, never a fresh one of its own.
                var person = context.User.Identity?.AuthenticationType == ApiTokenAuthentication.SchemeName ? context.User.UserId() : null;
                return person is { } id
                    ? Window("api:person:" + id.ToString("N", CultureInfo.InvariantCulture), settings.ApiPerMinute)
                    : Window("api:address:" + address, settings.ApiPerMinute);
            default:
                return RateLimitPartition.GetNoLimiter(string.Empty);
        }
    }

    // The kind is checked again because the item outlives the request: the page shown for a refusal is served by
    // re-executing the same request, which must not be refused in its turn.
    private static RateLimitPartition<string> ByAccount(HttpContext context, RateLimitSettings settings) =>
        KindOf(context) == RateLimitKind.SignIn && context.Items[AccountItem] is string account
            ? Window("sign-in:account:" + account, settings.SignInPerMinute)
            : RateLimitPartition.GetNoLimiter(string.Empty);

    /// <summary>
    /// Keeps the account a sign-in attempt names, normalised exactly as the sign-in page looks it up, and hashed so
    /// that the limiter holds no email addresses. Whether the account exists plays no part.
    /// </summary>
    private static async Task ReadSignInAccountAsync(HttpContext context, RequestDelegate next)
    {
        if (KindOf(context) == RateLimitKind.SignIn && context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var email = form["email"].FirstOrDefault()?.Trim();
                if (!string.IsNullOrEmpty(email))
                {
                    var normalised = context.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
                    context.Items[AccountItem] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
                }
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // A body that is not a readable form names no account; the address's allowance still applies, and the
                // page answers the malformed request as it would anyway.
            }
        }

        await next(context);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (Problems.IsApi(context))
        {
            await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This client has used its allowance for now. Try again in {seconds} seconds (the Retry-After header says the same).");
        }

        // A page is answered by the status-code page (the GOV.UK "Too many attempts" page), which keeps Retry-After.
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
