using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Services;

public sealed record ServiceDto(Guid Id, string Name, string? Description, Guid? ServiceManagerId, string? ServiceManagerName, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Waypoint.Core.Organisations.Service), Id);

    public static ServiceDto From(ServiceView view) =>
        new(view.Service.Id, view.Service.Name, view.Service.Description, view.Service.ServiceManagerId, view.ServiceManagerName, view.Service.Revision);
}

/// <summary>What a client sends to create or change a service. The service manager is a user id of a member.</summary>
public sealed record ServiceInput(string? Name, string? Description, Guid? ServiceManagerId);

public static class ServicesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var services = api.MapGroup("/services").WithTags("Services");

        services.MapGet("/", async (ServiceDirectory directory, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await directory.ListAsync(ct)).Select(ServiceDto.From), page, pageSize)))
            .WithName("ListServices").WithSummary("The public services the organisation runs, by name")
            .RequirePermission(Policies.ViewDirectory);

        services.MapGet("/{id:guid}", async Task<Results<Ok<ServiceDto>, NotFound>> (Guid id, ServiceDirectory directory, HttpContext http, CancellationToken ct) =>
                await directory.FindAsync(id, ct) is { } view ? http.WithETag(ServiceDto.From(view)) : TypedResults.NotFound())
            .WithName("GetService").WithSummary("One service")
            .RequirePermission(Policies.ViewDirectory);

        services.MapPost("/", async Task<Created<ServiceDto>> (ServiceInput input, ServiceDirectory directory, HttpContext http, CancellationToken ct) =>
            {
                var created = await directory.CreateAsync(input.Name, input.Description, input.ServiceManagerId, ct);
                var dto = ServiceDto.From((await directory.FindAsync(created.Id, ct))!);
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{http.GetRouteValue("org")}/services/{dto.Id}", dto);
            })
            .WithName("CreateService").WithSummary("Create a service")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageDirectory);

        services.MapPut("/{id:guid}", (Guid id, ServiceInput input, ServiceDirectory directory, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(
                    http,
                    async () => await directory.FindAsync(id, ct) is { } view ? ServiceDto.From(view) : null,
                    () => directory.UpdateAsync(id, input.Name, input.Description, input.ServiceManagerId, ct)))
            .WithName("UpdateService").WithSummary("Change a service (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageDirectory);
    }
}
