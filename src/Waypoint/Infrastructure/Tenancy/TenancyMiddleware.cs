using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;
using Waypoint.Infrastructure.Auth;

namespace Waypoint.Infrastructure.Tenancy;

/// <summary>
/// The one place where a request is tied to an organisation. For any route with an <c>{org}</c> value it finds the
/// organisation, scopes storage to it (so every query and write is confined to its rows), and finds the signed-in
/// person's membership. An unknown organisation, or one the person does not belong to, answers 404: whether
/// another organisation exists is not disclosed. Endpoints that allow anonymous access see nobody signed in.
/// </summary>
public sealed class TenancyMiddleware(RequestDelegate next)
{
    public const string RouteKey = "org";

    public async Task InvokeAsync(HttpContext context, WaypointDb db, OrganisationContext organisationContext)
    {
        // An endpoint or page open to everyone (taking part in a survey) is served as if nobody were signed in: it
        // needs no membership of the organisation (people of other organisations may answer too), and a survey
        // answer must not be tied to whoever happens to be signed in, not even in the storage scope.
        var user = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null ? context.User : new ClaimsPrincipal(new ClaimsIdentity());
        var userId = user.Identity?.IsAuthenticated == true ? user.UserId() : null;
        if (userId is not null)
        {
            db.Scope.ActAs(userId, user.DisplayNameOf());
        }

        if (context.GetRouteValue(RouteKey) is not string slug)
        {
            await next(context);
            return;
        }

        var key = slug.ToLowerInvariant();
        var organisation = await db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Slug == key, context.RequestAborted);
        if (organisation is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (user.FindFirst(WaypointClaims.TokenOrganisation) is { } tokenOrganisation
            && tokenOrganisation.Value != organisation.Id.ToString())
        {
            // A token works only for the organisation it was made for.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        db.Scope.EnterOrganisation(organisation.Id);
        var membership = userId is null
            ? null
            : await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, context.RequestAborted);
        if (userId is not null && membership is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        organisationContext.Set(organisation, membership);
        await next(context);
    }
}
