using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Waypoint.Infrastructure.Auth;

/// <summary>
/// For a page that everyone with the page's own policy may read but only some may change: a POST needs this
/// policy too. It runs before the antiforgery check, so that someone without the permission gets 403 whatever
/// they send, as the authorisation matrix expects.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PostPolicyAttribute(string policy) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public string Policy { get; } = policy;

    // The antiforgery filter's order is 1000.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, http, Policy);
        if (!result.Succeeded)
        {
            context.Result = new ForbidResult();
        }
    }
}
