using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

public sealed record TargetDto(
    Guid Id, Guid IndicatorId, string IndicatorName, string Unit, Direction Direction,
    DateOnly BaselineDate, decimal BaselineValue, DateOnly TargetDate, decimal TargetValue, decimal Tolerance,
    DateOnly? LatestDate, decimal? LatestValue, decimal? Progress, TargetStatus Status, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Target), Id);

    public static TargetDto From(TargetView v) => new(
        v.Target.Id, v.Indicator.Id, v.Indicator.Name, v.Indicator.Unit, v.Indicator.Direction,
        v.Target.BaselineDate, v.Target.BaselineValue, v.Target.TargetDate, v.Target.TargetValue, v.Target.Tolerance,
        v.Indicator.LatestDate, v.Indicator.LatestValue, v.Progress, v.Status, v.Target.Revision);
}

/// <summary>An outcome as the API shows it: its definition, and its targets with how each stands today.</summary>
public sealed record OutcomeDto(
    Guid Id, string Title, string UserNeed, string DoneMeans, DateOnly TargetDate,
    Guid TeamId, string TeamName, Guid? ServiceId, string? ServiceName, Guid? ParentId,
    OutcomeState State, Visibility Visibility, TargetStatus Status, IReadOnlyList<TargetDto> Targets, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Outcome), Id);

    public static OutcomeDto From(OutcomeSummary s) => new(
        s.Outcome.Id, s.Outcome.Title, s.Outcome.UserNeed, s.Outcome.DoneMeans, s.Outcome.TargetDate,
        s.Outcome.TeamId, s.TeamName, s.Outcome.ServiceId, s.ServiceName, s.Outcome.ParentId,
        s.Outcome.State, s.Outcome.Visibility, s.Status, s.Targets.Select(TargetDto.From).ToList(), s.Outcome.Revision);
}

/// <summary>A change of an outcome's state: from, to, when, who, why, and which targets were off track then.</summary>
public sealed record StateChangeDto(Guid Id, OutcomeState From, OutcomeState To, DateTimeOffset At, Guid ById, string By, string? Reason, IReadOnlyList<string> OffTrackTargets)
{
    public static StateChangeDto Of(StateChangeView v) =>
        new(v.Change.Id, v.Change.From, v.Change.To, v.Change.At, v.Change.ById, v.By, v.Change.Reason, v.Change.OffTrackTargets);
}

public static class OutcomesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var outcomes = api.MapGroup("/outcomes").WithTags("Outcomes");

        outcomes.MapGet("/", async (OutcomeService service, OrganisationContext org, Guid? teamId, Guid? serviceId, OutcomeState? state, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await service.ListAsync(new OutcomeFilter(teamId, serviceId, state), ct)).Select(OutcomeDto.From), page, pageSize)))
            .WithName("ListOutcomes").WithSummary("Outcomes with their status and targets, filtered by team, service or state")
            .RequirePermission(Policies.ViewOutcomes);

        outcomes.MapPost("/", async Task<Created<OutcomeDto>> (OutcomeInput input, OutcomeService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                var dto = OutcomeDto.From((await service.FindAsync(created.Id, ct))!.Summary);
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/outcomes/{dto.Id}", dto);
            })
            .WithName("CreateOutcome").WithSummary("Define an outcome (it starts as a draft)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        outcomes.MapGet("/{id:guid}", async Task<Results<Ok<OutcomeDto>, NotFound>> (Guid id, OutcomeService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } detail ? http.WithETag(OutcomeDto.From(detail.Summary)) : TypedResults.NotFound())
            .WithName("GetOutcome").WithSummary("One outcome, its status and its targets")
            .RequirePermission(Policies.ViewOutcomes);

        outcomes.MapPut("/{id:guid}", (Guid id, OutcomeInput input, OutcomeService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, id, ct), () => service.UpdateAsync(id, input, ct)))
            .WithName("UpdateOutcome").WithSummary("Change an outcome's definition (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        outcomes.MapPut("/{id:guid}/state", (Guid id, StateChange input, OutcomeService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, id, ct), () => service.MoveAsync(id, input, ct)))
            .WithName("MoveOutcome").WithSummary("Move an outcome to its next state: Draft, Agreed, Active, then Achieved, Missed or Retired (send If-Match). " +
                "Marking it Achieved while any target is off track needs a reason (400 naming reason without one); a reason may be given for any move and is kept")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        outcomes.MapGet("/{id:guid}/state-changes", async Task<Results<Ok<List<StateChangeDto>>, NotFound>> (Guid id, OutcomeService service, OrganisationContext org, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } detail
                    ? TypedResults.Ok(detail.StateChanges.Select(StateChangeDto.Of).ToList())
                    : TypedResults.NotFound())
            .WithName("ListStateChanges").WithSummary("Every change of an outcome's state, oldest first: from, to, when, by whom, the reason, and the targets that were off track when it was marked Achieved")
            .RequirePermission(Policies.ViewOutcomes);

        outcomes.MapGet("/{id:guid}/targets", async Task<Results<Ok<List<TargetDto>>, NotFound>> (Guid id, OutcomeService service, OrganisationContext org, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } detail
                    ? TypedResults.Ok(detail.Summary.Targets.Select(TargetDto.From).ToList())
                    : TypedResults.NotFound())
            .WithName("ListTargets").WithSummary("An outcome's targets and how each stands today")
            .RequirePermission(Policies.ViewOutcomes);

        outcomes.MapPost("/{id:guid}/targets", async Task<Results<Created<TargetDto>, NotFound>> (Guid id, TargetInput input, OutcomeService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                if (await service.AddTargetAsync(id, input, ct) is not { } target)
                {
                    return TypedResults.NotFound();
                }

                var dto = (await ReadTargetAsync(service, id, target.Id, ct))!;
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/outcomes/{id}/targets/{target.Id}", dto);
            })
            .WithName("AddTarget").WithSummary("Set a target on an indicator: a baseline and a goal by a date")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        outcomes.MapPut("/{id:guid}/targets/{targetId:guid}", (Guid id, Guid targetId, TargetInput input, OutcomeService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadTargetAsync(service, id, targetId, ct), () => service.RebaselineAsync(id, targetId, input, ct)))
            .WithName("RebaselineTarget").WithSummary("Move a target's baseline or goal, with the reason, which is kept (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);
    }

    private static async Task<OutcomeDto?> ReadAsync(OutcomeService service, Guid id, CancellationToken ct) =>
        await service.FindAsync(id, ct) is { } detail ? OutcomeDto.From(detail.Summary) : null;

    private static async Task<TargetDto?> ReadTargetAsync(OutcomeService service, Guid outcomeId, Guid targetId, CancellationToken ct) =>
        await service.FindAsync(outcomeId, ct) is { } detail
            && detail.Summary.Targets.FirstOrDefault(t => t.Target.Id == targetId) is { } view
            ? TargetDto.From(view)
            : null;
}
