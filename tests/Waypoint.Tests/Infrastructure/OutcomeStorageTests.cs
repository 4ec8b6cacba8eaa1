using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Infrastructure;

/// <summary>Outcomes, indicators, targets and measurements keep their values exactly, on both engines.</summary>
public abstract class OutcomeStorageTests(WaypointApp app)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private async Task<T> InAnytownAsync<T>(Func<WaypointDb, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        return await work(db);
    }

    [Fact]
    public async Task A_target_its_revision_and_corrected_measurements_round_trip()
    {
        var team = DemoSeeder.IdFor("anytown/team/Waste Transformation");
        var indicatorId = Guid.NewGuid();
        var targetId = Guid.NewGuid();
        await InAnytownAsync(async db =>
        {
            var indicator = new Indicator(indicatorId, Anytown, $"Reports online {indicatorId:N}", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, "CRM", team, null);
            var outcome = new Outcome(Guid.NewGuid(), Anytown, team, "Most reports online", "Report a missed bin quickly", "Seven in ten online", new DateOnly(2027, 3, 31), null, Visibility.Public, Now);
            var target = new Target(targetId, Anytown, outcome.Id, indicator, new Point(new DateOnly(2025, 4, 1), 40.125m), new Point(new DateOnly(2026, 3, 31), 70m), 0);
            var first = Measurement.Record(indicator, new DateOnly(2025, 10, 31), 52.333333, MeasurementSource.Manual, null, false, null, Today, Now);
            db.AddRange(indicator, outcome, target, first);
            await db.SaveChangesAsync();

            var correction = Measurement.Record(indicator, first.Date, 53.5, MeasurementSource.Manual, "Late reports", true, first, Today, Now);
            db.Add(correction);
            db.Add(target.Rebaseline(Direction.Increase, new Point(new DateOnly(2026, 4, 1), 58m), new Point(new DateOnly(2027, 3, 31), 75m), 0, "Carried into 2026/27", Now));
            return await db.SaveChangesAsync();
        });

        var (stored, latest, revisions, values) = await InAnytownAsync(async db => (
            await db.Targets.AsNoTracking().SingleAsync(t => t.Id == targetId),
            await db.Indicators.AsNoTracking().Where(i => i.Id == indicatorId).Select(i => i.LatestValue).SingleAsync(),
            await db.TargetRevisions.AsNoTracking().Where(r => r.TargetId == targetId).ToListAsync(),
            await db.Measurements.AsNoTracking().Where(m => m.IndicatorId == indicatorId).OrderBy(m => m.RecordedAt).ThenBy(m => m.SupersedesId != null).Select(m => m.Value).ToListAsync()));

        Assert.Equal((new DateOnly(2027, 3, 31), 75m), (stored.TargetDate, stored.TargetValue));
        Assert.Equal(53.5m, latest);
        Assert.Equal(40.125m, Assert.Single(revisions).PreviousBaselineValue);
        Assert.Equal([52.333333m, 53.5m], values);
    }

    [Fact]
    public async Task A_measurement_cannot_be_corrected_twice()
    {
        var team = DemoSeeder.IdFor("anytown/team/Customer Contact");
        await Assert.ThrowsAsync<Waypoint.Core.RecordConflict>(() => InAnytownAsync(async db =>
        {
            var indicator = new Indicator(Guid.NewGuid(), Anytown, $"Calls answered {Guid.NewGuid():N}", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Weekly, null, team, null);
            var first = Measurement.Record(indicator, new DateOnly(2026, 1, 5), 80, MeasurementSource.Manual, null, false, null, Today, Now);
            db.AddRange(indicator, first);
            await db.SaveChangesAsync();
            db.Add(Measurement.Record(indicator, first.Date, 81, MeasurementSource.Manual, null, true, first, Today, Now));
            db.Add(Measurement.Record(indicator, first.Date, 82, MeasurementSource.Manual, null, true, first, Today, Now));
            return await db.SaveChangesAsync();
        }));
    }
}

public sealed class OutcomeStorageOnSqlite(SqliteApp app) : OutcomeStorageTests(app), IClassFixture<SqliteApp>;

public sealed class OutcomeStorageOnPostgres(PostgresApp app) : OutcomeStorageTests(app), IClassFixture<PostgresApp>;
