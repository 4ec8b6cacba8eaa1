using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Indicators;
using Waypoint.Features.Outcomes;
using Waypoint.Infrastructure;
using Waypoint.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Bench;

/// <summary>
/// The outcomes dashboard must cost what it shows, not what history holds. The demo council is seeded, then its
/// twenty indicators are given 10 thousand, or 1 million, measurements in all; the dashboard's server time is
/// compared with a floor (one trivial query through the same stack) measured in the same run.
/// </summary>
public class DashboardBenchmark
{
    private string _folder = string.Empty;
    private WebApplication _app = null!;
    private AsyncServiceScope _scope;
    private WaypointDb _db = null!;
    private OutcomeService _outcomes = null!;
    private IndicatorService _indicators = null!;

    [Params(10_000, 1_000_000)]
    public int Measurements { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = Directory.CreateTempSubdirectory("waypoint-bench-").FullName;
        var connectionString = $"Data Source={Path.Combine(_folder, "bench.db")}";
        var builder = WaypointHost.CreateBuilder([$"--Waypoint:Database:ConnectionString={connectionString}"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        await DatabaseStartup.MigrateAsync(_app.Services, CancellationToken.None);
        await using (var seeding = _app.Services.CreateAsyncScope())
        {
            await seeding.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("benchmark demo password", CancellationToken.None);
        }

        await AddMeasurementsAsync(connectionString, Measurements);

        _scope = _app.Services.CreateAsyncScope();
        _db = _scope.ServiceProvider.GetRequiredService<WaypointDb>();
        _db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
        var anytown = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "anytown");
        _scope.ServiceProvider.GetRequiredService<OrganisationContext>().Enter(anytown, new Viewer(null, Role.Leader, anytown.Today(TimeProvider.System)));
        _outcomes = _scope.ServiceProvider.GetRequiredService<OutcomeService>();
        _indicators = _scope.ServiceProvider.GetRequiredService<IndicatorService>();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Floor: one trivial query")]
    public Task<int> Floor() => _db.Teams.CountAsync();

    /// <summary>The dashboard page's reads: every outcome with its targets' statuses, and each indicator's trend line.</summary>
    [Benchmark(Description = "Outcomes dashboard")]
    public async Task<int> Dashboard()
    {
        var outcomes = await _outcomes.ListAsync(new OutcomeFilter(), CancellationToken.None);
        var shown = outcomes.SelectMany(o => o.Targets).Select(t => t.Indicator.Id).Distinct();
        var trends = await _indicators.RecentAsync(shown, Waypoint.Features.Outcomes.IndexModel.TrendLength, CancellationToken.None);
        return outcomes.Count + trends.Count;
    }

    /// <summary>Bulk history, older than the demo's two years: one transaction, one prepared command.</summary>
    private static async Task AddMeasurementsAsync(string connectionString, int total)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var existing = new SqliteCommand("SELECT COUNT(*) FROM measurements", connection);
        var remaining = total - Convert.ToInt32(await existing.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var indicators = new List<(string Id, string Organisation)>();
        await using (var read = new SqliteCommand("SELECT Id, OrganisationId FROM indicators", connection).ExecuteReader())
        {
            while (await read.ReadAsync())
            {
                indicators.Add((read.GetString(0), read.GetString(1)));
            }
        }

        await using var transaction = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO measurements (Id, OrganisationId, IndicatorId, Date, Value, Source, Note, RecordedAt, SupersedesId) VALUES ($id, $org, $indicator, $date, $value, 'Import', NULL, 0, NULL)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var org = insert.Parameters.Add("$org", SqliteType.Text);
        var indicator = insert.Parameters.Add("$indicator", SqliteType.Text);
        var date = insert.Parameters.Add("$date", SqliteType.Text);
        var value = insert.Parameters.Add("$value", SqliteType.Text);
        insert.Prepare();
        var oldest = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2).AddDays(-1);
        for (var i = 0; i < remaining; i++)
        {
            var (indicatorId, organisationId) = indicators[i % indicators.Count];
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            org.Value = organisationId;
            indicator.Value = indicatorId;
            date.Value = oldest.AddDays(-(i / indicators.Count)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            value.Value = (50 + (i % 37)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
