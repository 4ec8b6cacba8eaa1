using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Organisations;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Teams;

public sealed record TeamDto(Guid Id, string Name, string? Description, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Team), Id);

    public static TeamDto From(Team team) => new(team.Id, team.Name, team.Description, team.Revision);
}

/// <summary>What a client sends to create or change a team.</summary>
public sealed record TeamInput(string? Name, string? Description);

public static class TeamsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");

        teams.MapGet("/", async (TeamService service, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await service.ListAsync(ct)).Select(TeamDto.From), page, pageSize)))
            .WithName("ListTeams").WithSummary("The organisation's teams, by name")
            .RequirePermission(Policies.ViewDirectory);

        teams.MapGet("/{id:guid}", async Task<Results<Ok<TeamDto>, NotFound>> (Guid id, TeamService service, HttpContext http, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } team ? http.WithETag(TeamDto.From(team)) : TypedResults.NotFound())
            .WithName("GetTeam").WithSummary("One team")
            .RequirePermission(Policies.ViewDirectory);

        teams.MapPost("/", async Task<Created<TeamDto>> (TeamInput input, TeamService service, HttpContext http, CancellationToken ct) =>
            {
                var team = TeamDto.From(await service.CreateAsync(input.Name, input.Description, ct));
                http.Response.Headers.ETag = Api.ETagFor(team);
                return TypedResults.Created($"/api/v1/orgs/{http.GetRouteValue("org")}/teams/{team.Id}", team);
            })
            .WithName("CreateTeam").WithSummary("Create a team")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageDirectory);

        teams.MapPut("/{id:guid}", (Guid id, TeamInput input, TeamService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(
                    http,
                    async () => await service.FindAsync(id, ct) is { } team ? TeamDto.From(team) : null,
                    () => service.UpdateAsync(id, input.Name, input.Description, ct)))
            .WithName("UpdateTeam").WithSummary("Change a team's name or description (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageDirectory);
    }
}
