using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Access;
using Waypoint.Core.CheckIns;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.CheckIns;

public sealed record CheckInDto(Guid Id, Guid OutcomeId, Guid AuthorId, string Author, DateOnly PeriodStart, int Confidence, string Progress, string? Blockers, string? Asks, DateTimeOffset At, Guid? SupersedesId, bool Superseded)
{
    public static CheckInDto From(CheckInView v) => new(v.CheckIn.Id, v.CheckIn.OutcomeId, v.CheckIn.AuthorId, v.Author, v.CheckIn.PeriodStart,
        v.CheckIn.Confidence, v.CheckIn.Progress, v.CheckIn.Blockers, v.CheckIn.Asks, v.CheckIn.At, v.CheckIn.SupersedesId, v.Superseded);
}

/// <summary>
/// A calibration report: what it rests on (resolved forecasts and the resolved outcomes they were about, overall and in
/// each band of the table) and how they were weighed. The scores are left out (null) and the table empty until at
/// least <see cref="MinimumForecasts"/> forecasts on at least <see cref="MinimumOutcomes"/> outcomes have resolved.
/// </summary>
public sealed record CalibrationDto(
    CalibrationWeighting Weighting,
    int ResolvedForecasts,
    int ResolvedOutcomes,
    int MinimumForecasts,
    int MinimumOutcomes,
    bool CanJudge,
    double? Brier,
    double? Reliability,
    double? Resolution,
    double? Uncertainty,
    IReadOnlyList<ReliabilityBin> Table)
{
    public static CalibrationDto From(CalibrationResult r) => r.CanJudge
        ? new(r.Weighting, r.Count, r.Outcomes, CalibrationResult.MinimumToJudge, CalibrationResult.MinimumOutcomesToJudge, true, r.Brier, r.Reliability, r.Resolution, r.Uncertainty, r.Table)
        : new(r.Weighting, r.Count, r.Outcomes, CalibrationResult.MinimumToJudge, CalibrationResult.MinimumOutcomesToJudge, false, null, null, null, null, []);
}

public static class CheckInsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var checkIns = api.MapGroup("/").WithTags("Check-ins");

        checkIns.MapGet("/outcomes/{id:guid}/check-ins", async Task<Results<Ok<List<CheckInDto>>, NotFound>> (Guid id, CheckInService service, OrganisationContext org, CancellationToken ct) =>
                await service.HistoryAsync(id, ct) is { } history
                    ? TypedResults.Ok(history.Select(CheckInDto.From).ToList())
                    : TypedResults.NotFound())
            .WithName("ListCheckIns").WithSummary("An outcome's check-ins, newest first, edits and what they replaced included")
            .RequirePermission(Policies.ViewOutcomes);

        checkIns.MapPost("/outcomes/{id:guid}/check-ins", async Task<Results<Created<CheckInDto>, NotFound>> (Guid id, CheckInInput input, CheckInService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                if (await service.PostAsync(id, input, ct) is not { } posted)
                {
                    return TypedResults.NotFound();
                }

                var view = (await service.HistoryAsync(id, ct))!.Single(v => v.CheckIn.Id == posted.Id);
                return TypedResults.Created($"{http.Request.Path}", CheckInDto.From(view));
            })
            .WithName("PostCheckIn").WithSummary("Check in on an outcome: progress, a confidence (0 to 100) that its target is met by its date, blockers and asks; set edit to change this week's")
            .ProducesValidationProblem()
            .RequirePermission(Policies.PostCheckIns);

        checkIns.MapGet("/check-ins/due", async (CheckInService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.DueAsync(ct)))
            .WithName("DueCheckIns").WithSummary("Open outcomes you have not checked in on this week")
            .RequirePermission(Policies.PostCheckIns);

        checkIns.MapGet("/calibration", async (CheckInService service, OrganisationContext org, Guid? team, Guid? person, DateOnly? from, DateOnly? to, CalibrationWeighting? weighting, CancellationToken ct) =>
                TypedResults.Ok(CalibrationDto.From(await service.CalibrationAsync(new CalibrationQuery(team, person, from, to, weighting ?? CalibrationWeighting.PerOutcome), ct))))
            .WithName("Calibration").WithSummary("How well-calibrated confidences were on resolved outcomes, for a person, a team or everyone: " +
                $"the resolved forecasts and outcomes a score rests on, and, once at least {CalibrationResult.MinimumToJudge} forecasts on at least {CalibrationResult.MinimumOutcomesToJudge} outcomes have resolved, the Brier score, its decomposition and a reliability table. " +
                "Each outcome weighs the same (weighting=PerOutcome, the default); weighting=Pooled weighs every forecast the same")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ViewOutcomes);
    }
}
