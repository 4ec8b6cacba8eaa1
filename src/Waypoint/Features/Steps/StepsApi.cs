using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Access;
using Waypoint.Core.Steps;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Steps;

public sealed record RiskDto(string Category, int Likelihood, int Impact, int Score, Reversibility Reversibility, string? Mitigations, AppetiteLevel? Appetite);

/// <summary>A move a step could make, and why not when it cannot make it now.</summary>
public sealed record MoveDto(StepStatus To, bool Possible, string? Reason);

/// <summary>A step as the API shows it: the hypothesis, the plan, where it is, its risk and the gate's decision.</summary>
public sealed record StepDto(
    Guid Id, Guid OutcomeId, string OutcomeTitle, Guid TeamId, string TeamName,
    string Title, string Change, Guid IndicatorId, string IndicatorName, string ExpectedEffect, string Because,
    IReadOnlyList<StepPerson> Owners, DateOnly StartDate, DateOnly DueDate, int WorkingDays, bool Overdue,
    string? BoxOverrideReason, Guid? BoxOverriddenBy,
    StepStatus Status, DateOnly? ReadyOn, DateOnly? StartedOn, DateOnly? FinishedOn,
    RiskDto? Risk, SignOff SignOff, Guid? DecidedBy, string? DecidedByName, string? DecisionReason, DateTimeOffset? DecidedAt,
    bool HasLearning, bool? RiskMaterialised, int? MaterialisedImpact, IReadOnlyList<MoveDto> Moves, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Step), Id);

    public static StepDto From(StepView v)
    {
        var s = v.Step;
        return new StepDto(
            s.Id, s.OutcomeId, v.OutcomeTitle, v.TeamId, v.TeamName,
            s.Title, s.Change, s.IndicatorId, v.IndicatorName, s.ExpectedEffect, s.Because,
            v.Owners, s.StartDate, s.DueDate, v.WorkingDays, v.Overdue, s.BoxOverrideReason, s.BoxOverriddenBy,
            s.Status, s.ReadyOn, s.StartedOn, s.FinishedOn,
            s.Risk is { } r ? new RiskDto(r.Category, r.Likelihood, r.Impact, r.Score, r.Reversibility, r.Mitigations, v.Appetite) : null,
            s.SignOff, s.DecidedBy, v.DecidedByName, s.DecisionReason, s.DecidedAt,
            s.HasLearning, s.RiskMaterialised, s.MaterialisedImpact,
            Step.NextStatuses(s.Status).Select(n => s.WhyNot(n) is { } why ? new MoveDto(n, false, why) : new MoveDto(n, true, null)).ToList(),
            s.Revision);
    }
}

public sealed record LearningDto(
    Guid Id, Guid StepId, string StepTitle, Guid OutcomeId, string OutcomeTitle,
    string WhatHappened, string Evidence, string NextSteps, bool IsPublic, decimal? IndicatorFrom, decimal? IndicatorTo, DateTimeOffset At, int Revision) : IVersioned
{
    public RecordKey StoredAs() => new(typeof(Learning), Id);

    public static LearningDto From(LearningView v) => new(
        v.Learning.Id, v.StepId, v.StepTitle, v.OutcomeId, v.OutcomeTitle,
        v.Learning.WhatHappened, v.Learning.Evidence, v.Learning.NextSteps, v.Learning.IsPublic, v.Learning.IndicatorFrom, v.Learning.IndicatorTo, v.Learning.At,
        v.Learning.Revision);
}

public sealed record StatusChange(StepStatus? Status);

public sealed record AppetiteDto(string Category, AppetiteLevel Level, int HighestAcceptable);

/// <summary>The organisation's rules for steps: appetite per category, the scale, the box and the holidays.</summary>
public sealed record StepRulesDto(int MaximumWorkingDays, IReadOnlyList<DateOnly> Holidays, AppetiteScale Scale, IReadOnlyList<AppetiteDto> Appetites, int Revision, [property: System.Text.Json.Serialization.JsonIgnore] Guid OrganisationId) : IVersioned
{
    // The rules are one record, the organisation's step settings (with its appetites): every change raises its revision.
    public RecordKey StoredAs() => new(typeof(StepSettings), OrganisationId);

    public static StepRulesDto From(StepRules r) => new(r.MaximumWorkingDays, r.Holidays, r.Scale,
        r.Appetites.Select(a => new AppetiteDto(a.Category, a.Level, r.Scale.HighestAcceptable(a.Level))).ToList(), r.Revision, r.OrganisationId);
}

public sealed record WeekDto(DateOnly Week, int Done);

public sealed record FlowDto(int Done, double? LeadTimeMedianDays, double? LeadTime85Days, IReadOnlyList<WeekDto> Throughput, int WorkInProgress, double? ShareInBox)
{
    public static FlowDto From(FlowFigures f) => new(f.Done, f.LeadTimeMedian, f.LeadTime85, f.Throughput.Select(w => new WeekDto(w.Week, w.Done)).ToList(), f.WorkInProgress, f.ShareInBox);
}

/// <summary>Expected against actual per category, and open steps by likelihood (rows 1–5) and impact (columns 1–5).</summary>
public sealed record RiskReportDto(IReadOnlyList<CategoryRisk> Categories, IReadOnlyList<IReadOnlyList<int>> HeatMap, int OpenAssessed)
{
    public static RiskReportDto From(RiskOverview o) => new(o.Categories,
        Enumerable.Range(0, 5).Select(l => (IReadOnlyList<int>)Enumerable.Range(0, 5).Select(i => o.HeatMap[l, i]).ToList()).ToList(), o.OpenAssessed);
}

public static class StepsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var steps = api.MapGroup("/steps").WithTags("Steps");

        steps.MapGet("/", async (StepService service, OrganisationContext org, Guid? teamId, Guid? outcomeId, StepStatus? status, Guid? ownerId, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await service.ListAsync(new StepFilter(teamId, outcomeId, status, ownerId), ct)).Select(StepDto.From), page, pageSize)))
            .WithName("ListSteps").WithSummary("Steps toward the organisation's outcomes, by team, outcome, status or owner; overdue ones say so")
            .RequirePermission(Policies.ViewOutcomes);

        steps.MapPost("/", async Task<Created<StepDto>> (StepInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                var dto = (await ReadAsync(service, org, created.Id, ct))!;
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/steps/{dto.Id}", dto);
            })
            .WithName("CreateStep").WithSummary("Propose a step: a hypothesis, owners and dates inside the organisation's time box (a leader may give a reason to allow longer)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        steps.MapGet("/{id:guid}", async Task<Results<Ok<StepDto>, NotFound>> (Guid id, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await ReadAsync(service, org, id, ct) is { } dto ? http.WithETag(dto) : TypedResults.NotFound())
            .WithName("GetStep").WithSummary("One step, with the moves it can make now and why not for the others")
            .RequirePermission(Policies.ViewOutcomes);

        steps.MapPut("/{id:guid}", (Guid id, StepInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, org, id, ct), () => service.ReviseAsync(id, input, ct)))
            .WithName("UpdateStep").WithSummary("Re-plan a step that has not closed (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        steps.MapPut("/{id:guid}/status", (Guid id, StatusChange input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, org, id, ct), () => service.MoveAsync(id, input.Status, ct)))
            .WithName("MoveStep").WithSummary("Move a step: Idea, Ready, Doing, then Done or Stopped; starting needs the gate's approval, closing needs learning (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        steps.MapGet("/{id:guid}/risk", async Task<Results<Ok<RiskDto>, NotFound>> (Guid id, StepService service, OrganisationContext org, CancellationToken ct) =>
                await ReadAsync(service, org, id, ct) is { Risk: { } risk } ? TypedResults.Ok(risk) : TypedResults.NotFound())
            .WithName("GetStepRisk").WithSummary("A step's risk assessment (404 until it has one)")
            .RequirePermission(Policies.ViewOutcomes);

        steps.MapPut("/{id:guid}/risk", (Guid id, RiskInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, org, id, ct), () => service.AssessAsync(id, input, ct)))
            .WithName("AssessStepRisk").WithSummary("Assess a step's risk before it starts; within appetite it is approved at once, above it waits for a leader's sign-off (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        steps.MapPut("/{id:guid}/decision", (Guid id, DecisionInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, org, id, ct), () => service.DecideAsync(id, input, ct)))
            .WithName("DecideStep").WithSummary("Approve or decline a step waiting above appetite, with a reason; not your own step (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.SignOffSteps);

        steps.MapPut("/{id:guid}/aftermath", (Guid id, AftermathInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, () => ReadAsync(service, org, id, ct), () => service.RecordAftermathAsync(id, input, ct)))
            .WithName("RecordStepAftermath").WithSummary("After a step ends, its owners say whether its risk happened and how badly, 1 to 5 (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        steps.MapGet("/{id:guid}/learning", async Task<Results<Ok<LearningDto>, NotFound>> (Guid id, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                await ReadLearningAsync(service, org, id, ct) is { } dto ? http.WithETag(dto) : TypedResults.NotFound())
            .WithName("GetStepLearning").WithSummary("What a step taught (404 until it is written)")
            .RequirePermission(Policies.ViewOutcomes);

        steps.MapPut("/{id:guid}/learning", async Task<Results<Ok<LearningDto>, NotFound, ProblemHttpResult>> (Guid id, LearningInput input, StepService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                if (await service.FindAsync(id, ct) is not { } step)
                {
                    return TypedResults.NotFound();
                }

                // Writing the first learning needs no ETag; improving one that exists does.
                if (await ReadLearningAsync(service, org, id, ct) is { } current && Api.CheckIfMatch(http, current) is { } problem)
                {
                    return problem;
                }

                await service.WriteLearningAsync(step.Step.Id, input, ct);
                return http.WithETag((await ReadLearningAsync(service, org, id, ct))!);
            })
            .WithName("WriteStepLearning").WithSummary("Write what a step taught: what happened, the evidence, what next; Waypoint adds the indicator's movement (send If-Match to change it)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageSteps);

        api.MapGet("/learning", async (StepService service, OrganisationContext org, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await service.SearchLearningAsync(q, ct)).Select(LearningDto.From), page, pageSize)))
            .WithTags("Steps").WithName("SearchLearning").WithSummary("Search all learning by words in any of its fields (best match first); without q, the latest")
            .RequirePermission(Policies.ViewOutcomes);

        api.MapGet("/risk-appetite", async (StepService service, HttpContext http, CancellationToken ct) =>
                http.WithETag(StepRulesDto.From(await service.RulesAsync(ct))))
            .WithTags("Steps").WithName("GetRiskAppetite").WithSummary("The appetite per risk category, the scale of highest acceptable scores, the longest a step may take and the holidays")
            .RequirePermission(Policies.ViewOutcomes);

        api.MapPut("/risk-appetite", (StepRulesInput input, StepService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(http, async () => StepRulesDto.From(await service.RulesAsync(ct)), () => service.SetRulesAsync(input, ct)))
            .WithTags("Steps").WithName("SetRiskAppetite").WithSummary("Change the rules; appetites given replace the list of categories, anything left out stays (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.SetStepRules);

        api.MapGet("/flow", async (StepService service, OrganisationContext org, Guid? teamId, CancellationToken ct) =>
                TypedResults.Ok(FlowDto.From(await service.FlowAsync(teamId, ct))))
            .WithTags("Steps").WithName("GetFlow").WithSummary("Lead time from Ready to Done (median, 85th percentile), steps done per week, work in progress and the share done inside the box, for a team or everyone")
            .RequirePermission(Policies.ViewOutcomes);

        api.MapGet("/risk-report", async (StepService service, OrganisationContext org, CancellationToken ct) =>
                TypedResults.Ok(RiskReportDto.From(await service.RiskOverviewAsync(ct))))
            .WithTags("Steps").WithName("GetRiskReport").WithSummary("Per category, how often risks happened against what was expected; and open steps by likelihood and impact")
            .RequirePermission(Policies.ViewOutcomes);
    }

    private static async Task<StepDto?> ReadAsync(StepService service, OrganisationContext org, Guid id, CancellationToken ct) =>
        await service.FindAsync(id, ct) is { } view ? StepDto.From(view) : null;

    private static async Task<LearningDto?> ReadLearningAsync(StepService service, OrganisationContext org, Guid stepId, CancellationToken ct) =>
        await service.FindAsync(stepId, ct) is { Learning: { } learning } view
            ? LearningDto.From(new LearningView(learning, stepId, view.Step.Title, view.Step.OutcomeId, view.OutcomeTitle))
            : null;
}
