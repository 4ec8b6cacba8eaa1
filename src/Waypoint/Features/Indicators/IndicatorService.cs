using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Access;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Features.Indicators;

/// <summary>What a person or client gives to define an indicator.</summary>
public sealed record IndicatorInput(string? Name, string? Unit, Direction? Direction, IndicatorKind? Kind, Cadence? Cadence, string? DataSource, Guid? TeamId, Guid? ServiceId);

/// <summary>One value to record. A correction replaces the value standing for its date, keeping the old one in the history.</summary>
public sealed record MeasurementInput(DateOnly? Date, double? Value, string? Note, bool Correction = false);

/// <summary>
/// Lasting indicators of the organisation in scope and their measurements. Measurements are append-only;
/// the indicator's latest value is kept current on every write so that dashboards read one row per indicator.
/// </summary>
public sealed class IndicatorService(WaypointDb db, OrganisationContext organisation, TimeProvider clock)
{
    /// <summary>Who is looking, read when needed: a service may be built before a request has an organisation.</summary>
    private Viewer Viewer => organisation.Viewer;

    public Task<List<Indicator>> ListAsync(CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);

    public Task<Indicator?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<Indicator> CreateAsync(IndicatorInput input, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var indicator = new Indicator(Guid.NewGuid(), organisationId, input.Name, input.Unit,
            Required(input.Direction, "direction", "Choose whether the indicator should increase, decrease or be maintained"),
            Required(input.Kind, "kind", "Choose what kind of measure the indicator is"),
            Required(input.Cadence, "cadence", "Choose how often the indicator is measured"),
            input.DataSource, input.TeamId, input.ServiceId);
        await CheckAsync(indicator, cancellationToken);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    public async Task<Indicator?> UpdateAsync(Guid id, IndicatorInput input, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var direction = Required(input.Direction, "direction", "Choose whether the indicator should increase, decrease or be maintained");
        if (direction != indicator.Direction && await db.Targets.AnyAsync(t => t.IndicatorId == id, cancellationToken))
        {
            // Its targets were set for the old direction; turning it round would make them ask for the opposite.
            throw new RuleViolation("direction", "Outcomes have set targets on this indicator, so its direction cannot change. Make a new indicator instead");
        }

        indicator.Define(input.Name, input.Unit,
            direction,
            Required(input.Kind, "kind", "Choose what kind of measure the indicator is"),
            Required(input.Cadence, "cadence", "Choose how often the indicator is measured"),
            input.DataSource, input.TeamId, input.ServiceId);
        await CheckAsync(indicator, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    /// <summary>The values standing for each date (corrections applied), oldest first, within the dates given.</summary>
    public Task<List<Measurement>> CurrentAsync(Guid indicatorId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == indicatorId
                        && (from == null || m.Date >= from)
                        && (to == null || m.Date <= to)
                        && !db.Measurements.Any(c => c.SupersedesId == m.Id))
            .OrderBy(m => m.Date)
            .ToListAsync(cancellationToken);

    /// <summary>Every value ever recorded, corrections included, newest first: the readable history of corrections.</summary>
    public Task<List<Measurement>> HistoryAsync(Guid indicatorId, CancellationToken cancellationToken) =>
        db.Measurements.AsNoTracking()
            .Where(m => m.IndicatorId == indicatorId)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.RecordedAt)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The newest values standing for each of some indicators (corrections applied), oldest first: a dashboard's
    /// trend lines. One indexed query per indicator, each reading at most <paramref name="count"/> rows, so the
    /// cost does not grow with the length of the history.
    /// </summary>
    public async Task<Dictionary<Guid, List<Measurement>>> RecentAsync(IEnumerable<Guid> indicatorIds, int count, CancellationToken cancellationToken)
    {
        var recent = new Dictionary<Guid, List<Measurement>>();
        foreach (var id in indicatorIds.Distinct())
        {
            var newest = await db.Measurements.AsNoTracking()
                .Where(m => m.IndicatorId == id && !db.Measurements.Any(c => c.SupersedesId == m.Id))
                .OrderByDescending(m => m.Date)
                .Take(count)
                .ToListAsync(cancellationToken);
            newest.Reverse();
            recent[id] = newest;
        }

        return recent;
    }

    public async Task<Measurement?> RecordAsync(Guid indicatorId, MeasurementInput input, MeasurementSource source, CancellationToken cancellationToken) =>
        (await RecordBatchAsync(indicatorId, [input], source, oneValue: true, cancellationToken))?.Single();

    /// <summary>
    /// Records several values all-or-nothing: one bad row refuses the batch, and every bad row is named
    /// (<c>measurements[3].value</c>).
    /// </summary>
    public async Task<List<Measurement>?> RecordBatchAsync(Guid indicatorId, IReadOnlyList<MeasurementInput> inputs, MeasurementSource source, bool oneValue, CancellationToken cancellationToken)
    {
        // Read, not tracked: the latest value is kept below by a conditional update, so that recording a value never
        // raises the indicator's revision (an edit of its definition stays current) and parallel recordings cannot
        // leave an older value standing as the latest.
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        if (inputs.Count == 0)
        {
            throw new RuleViolation("measurements", "Send at least one measurement");
        }

        var dates = inputs.Where(i => i.Date is not null).Select(i => i.Date!.Value).Distinct().ToList();
        var standing = await db.Measurements
            .Where(m => m.IndicatorId == indicatorId && dates.Contains(m.Date) && !db.Measurements.Any(c => c.SupersedesId == m.Id))
            .ToDictionaryAsync(m => m.Date, cancellationToken);

        var now = clock.GetUtcNow();
        var recorded = new List<Measurement>();
        var problems = new List<RuleViolation>();
        for (var row = 0; row < inputs.Count; row++)
        {
            var input = inputs[row];
            var prefix = oneValue ? string.Empty : $"measurements[{row}]";
            try
            {
                var date = input.Date ?? throw new RuleViolation(Field(prefix, "date"), "Enter the date the value is for");
                var value = input.Value ?? throw new RuleViolation(Field(prefix, "value"), "Enter the value");
                if (!oneValue && inputs.Take(row).Any(earlier => earlier.Date == date))
                {
                    throw new RuleViolation(Field(prefix, "date"), $"This batch has two values for {date:d MMMM yyyy}");
                }

                var measurement = Measurement.Record(indicator, date, value, source, input.Note, input.Correction, standing.GetValueOrDefault(date), Viewer.Today, now, prefix);
                recorded.Add(measurement);
            }
            catch (RuleViolation violation)
            {
                problems.Add(violation);
            }
        }

        if (problems.Count > 0)
        {
            throw new RuleViolations(
                problems.Count == 1 && oneValue ? problems[0].Message : $"{problems.Count} of {inputs.Count} measurements are not valid; none was recorded",
                problems);
        }

        db.Measurements.AddRange(recorded);
        var newest = recorded.MaxBy(m => m.Date)!;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Indicators
                .Where(i => i.Id == indicatorId && (i.LatestDate == null || i.LatestDate <= newest.Date))
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.LatestDate, newest.Date).SetProperty(i => i.LatestValue, newest.Value), cancellationToken);
        }, cancellationToken);
        return recorded;
    }

    private static string Field(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static T Required<T>(T? value, string field, string message)
        where T : struct =>
        value ?? throw new RuleViolation(field, message);

    private async Task CheckAsync(Indicator indicator, CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(i => i.Id != indicator.Id && i.Name == indicator.Name, cancellationToken))
        {
            throw new RuleViolation("name", $"There is already an indicator called {indicator.Name}");
        }

        if (indicator.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            throw new RuleViolation("teamId", "Choose a team of this organisation");
        }

        if (indicator.ServiceId is { } service && !await db.Services.AnyAsync(s => s.Id == service, cancellationToken))
        {
            throw new RuleViolation("serviceId", "Choose a service of this organisation");
        }
    }
}
