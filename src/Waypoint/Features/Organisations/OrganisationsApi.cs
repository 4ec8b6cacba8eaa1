using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Organisations;

/// <summary>The organisation as the API shows it, with the caller's role in it.</summary>
public sealed record OrganisationDto(Guid Id, string Slug, string Name, string TimeZone, string OpenDataLicence, Role YourRole);

public static class OrganisationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", (OrganisationContext context) =>
            {
                var o = context.Organisation;
                return TypedResults.Ok(new OrganisationDto(o.Id, o.Slug, o.Name, o.TimeZone, o.OpenDataLicence, context.Role!.Value));
            })
            .WithName("GetOrganisation")
            .WithSummary("The organisation, and your role in it")
            .RequirePermission(Policies.ViewOrganisation);
    }
}
