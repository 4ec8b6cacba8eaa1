using Microsoft.AspNetCore.Http.HttpResults;
using Waypoint.Core.Outcomes;
using Waypoint.Infrastructure.Auth;
using Waypoint.Infrastructure.Tenancy;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Indicators;

public sealed record IndicatorDto(
    Guid Id, string Name, string Unit, Direction Direction, IndicatorKind Kind, Cadence Cadence, string? DataSource,
    Guid? TeamId, Guid? ServiceId, DateOnly? LatestDate, decimal? LatestValue, int Revision) : IVersioned
{
    // The latest value is kept by storage apart from the definition, so recording one does not make an edit stale.
    public RecordKey StoredAs() => new(typeof(Indicator), Id);

    public static IndicatorDto From(Indicator i) =>
        new(i.Id, i.Name, i.Unit, i.Direction, i.Kind, i.Cadence, i.DataSource, i.TeamId, i.ServiceId, i.LatestDate, i.LatestValue, i.Revision);
}

public sealed record MeasurementDto(Guid Id, DateOnly Date, decimal Value, MeasurementSource Source, string? Note, DateTimeOffset RecordedAt, Guid? SupersedesId)
{
    public static MeasurementDto From(Measurement m) => new(m.Id, m.Date, m.Value, m.Source, m.Note, m.RecordedAt, m.SupersedesId);
}

public sealed record MeasurementBatch(IReadOnlyList<MeasurementInput>? Measurements);

public static class IndicatorsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Indicators");

        indicators.MapGet("/", async (IndicatorService service, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(Api.Page((await service.ListAsync(ct)).Select(IndicatorDto.From), page, pageSize)))
            .WithName("ListIndicators").WithSummary("The organisation's lasting indicators, by name, with their latest values")
            .RequirePermission(Policies.ViewOutcomes);

        indicators.MapPost("/", async Task<Created<IndicatorDto>> (IndicatorInput input, IndicatorService service, OrganisationContext org, HttpContext http, CancellationToken ct) =>
            {
                var dto = IndicatorDto.From(await service.CreateAsync(input, ct));
                http.Response.Headers.ETag = Api.ETagFor(dto);
                return TypedResults.Created($"/api/v1/orgs/{org.Organisation.Slug}/indicators/{dto.Id}", dto);
            })
            .WithName("CreateIndicator").WithSummary("Define an indicator, owned by a team or a service")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        indicators.MapGet("/{id:guid}", async Task<Results<Ok<IndicatorDto>, NotFound>> (Guid id, IndicatorService service, HttpContext http, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } indicator ? http.WithETag(IndicatorDto.From(indicator)) : TypedResults.NotFound())
            .WithName("GetIndicator").WithSummary("One indicator")
            .RequirePermission(Policies.ViewOutcomes);

        indicators.MapPut("/{id:guid}", (Guid id, IndicatorInput input, IndicatorService service, HttpContext http, CancellationToken ct) =>
                Api.ChangeAsync(
                    http,
                    async () => await service.FindAsync(id, ct) is { } indicator ? IndicatorDto.From(indicator) : null,
                    () => service.UpdateAsync(id, input, ct)))
            .WithName("UpdateIndicator").WithSummary("Change an indicator's definition (send If-Match)")
            .ProducesValidationProblem()
            .RequirePermission(Policies.ManageOutcomes);

        indicators.MapGet("/{id:guid}/measurements", async Task<Results<Ok<List<MeasurementDto>>, NotFound>> (Guid id, DateOnly? from, DateOnly? to, bool? history, IndicatorService service, CancellationToken ct) =>
            {
                if (await service.FindAsync(id, ct) is null)
                {
                    return TypedResults.NotFound();
                }

                var measurements = history == true ? await service.HistoryAsync(id, ct) : await service.CurrentAsync(id, from, to, ct);
                return TypedResults.Ok(measurements.Select(MeasurementDto.From).ToList());
            })
            .WithName("ListMeasurements").WithSummary("The values standing for each date between from and to; with history=true, every value ever recorded, corrections included")
            .RequirePermission(Policies.ViewOutcomes);

        indicators.MapPost("/{id:guid}/measurements", async Task<Results<Created<MeasurementDto>, NotFound>> (Guid id, MeasurementInput input, IndicatorService service, HttpContext http, CancellationToken ct) =>
                await service.RecordAsync(id, input, MeasurementSource.Api, ct) is { } measurement
                    ? TypedResults.Created($"{http.Request.Path}", MeasurementDto.From(measurement))
                    : TypedResults.NotFound())
            .WithName("RecordMeasurement").WithSummary("Record a value for a date; set correction to true to replace the value standing for that date")
            .ProducesValidationProblem()
            .RequirePermission(Policies.RecordMeasurements);

        indicators.MapPost("/{id:guid}/measurements/batch", async Task<Results<Created<List<MeasurementDto>>, NotFound>> (Guid id, MeasurementBatch batch, IndicatorService service, HttpContext http, CancellationToken ct) =>
                await service.RecordBatchAsync(id, batch.Measurements ?? [], MeasurementSource.Api, oneValue: false, ct) is { } measurements
                    ? TypedResults.Created($"{http.Request.Path}", measurements.Select(MeasurementDto.From).ToList())
                    : TypedResults.NotFound())
            .WithName("RecordMeasurements").WithSummary("Record several values all-or-nothing: one bad row refuses the batch, and every bad row is named")
            .ProducesValidationProblem()
            .RequirePermission(Policies.RecordMeasurements);
    }
}
