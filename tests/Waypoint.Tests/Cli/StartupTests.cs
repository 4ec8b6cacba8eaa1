using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Waypoint.Core.Organisations;
using Waypoint.Data;

namespace Waypoint.Tests.Cli;

/// <summary>
/// Start-up cannot hang: real <c>waypoint</c> processes, started together, or killed (SIGKILL) while migrating or
/// seeding, and then started again. Each test has a database of its own.
/// </summary>
public abstract class StartupTests(DatabaseProvider provider) : IDisposable
{
    private const string Waiting = "Another Waypoint is migrating or seeding this database";
    protected const string Seeding = "waypoint: creating the demo organisations";

    private readonly string _folder = Directory.CreateTempSubdirectory("waypoint-startup-").FullName;

    private string? _connectionString;

    protected DatabaseProvider Provider { get; } = provider;

    protected string ConnectionString => _connectionString ??= Provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(_folder, "waypoint.db")}"
        : PostgresServer.CreateDatabase();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected WaypointProcess Start(string arguments) => WaypointProcess.Start(arguments, _folder, new Dictionary<string, string>
    {
        ["Waypoint__Database__Provider"] = Provider.ToString(),
        ["Waypoint__Database__ConnectionString"] = ConnectionString,
        ["WAYPOINT_DEMO_PASSWORD"] = WaypointApp.DemoPassword,
    });

    protected async Task<string> RunToEndAsync(string arguments)
    {
        await using var process = Start(arguments);
        var exit = await process.ExitCodeAsync();
        Assert.True(exit == 0, $"'waypoint {arguments}' exited {exit}. It said:\n{process.Output}");
        return process.Output;
    }

    /// <summary>An app on this test's database, not started: its services read and write the database directly.</summary>
    protected WaypointApp App() => new AppOnDatabase(Provider, ConnectionString).WithoutDemo();

    protected async Task<T> InDatabaseAsync<T>(Func<WaypointDb, Task<T>> work)
    {
        await using var app = App();
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WaypointDb>());
    }

    /// <summary>The demo, whole: both organisations, every account, and people who can sign in to each.</summary>
    private async Task AssertTheDemoIsWholeAsync()
    {
        Assert.Equal(["anytown", "otherton"], await InDatabaseAsync(db => db.Organisations.OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync()));
        Assert.Equal(12, await InDatabaseAsync(db => db.Users.CountAsync()));
        await using var app = App();
        var otherton = await app.SignedInAsync("admin@otherton.example");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await otherton.GetAsync("/otherton/teams")).StatusCode);
        var anytown = await app.SignedInAsync("leader@anytown.example");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anytown.GetAsync("/anytown/outcomes")).StatusCode);
    }

    private async Task AssertNoMigrationPendingAsync() =>
        Assert.Empty(await InDatabaseAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));

    [Fact]
    public async Task Two_instances_starting_at_once_take_turns_and_seed_the_demo_once()
    {
        await using var first = Start("seed-demo");
        await using var second = Start("seed-demo");
        Assert.Equal(0, await first.ExitCodeAsync());
        Assert.Equal(0, await second.ExitCodeAsync());

        var outputs = new[] { first.Output, second.Output };
        var seeder = Assert.Single(outputs, o => o.Contains("created the demo organisations anytown and otherton", StringComparison.Ordinal));
        var waiter = Assert.Single(outputs, o => o != seeder);
        // The one that came second said whom it was waiting for, then found the demo made.
        Assert.Contains(Waiting, waiter, StringComparison.Ordinal);
        Assert.Contains("nothing changed", waiter, StringComparison.Ordinal);
        await AssertNoMigrationPendingAsync();
        await AssertTheDemoIsWholeAsync();
    }

    [Fact]
    public async Task A_demo_seed_killed_part_way_is_completed_by_the_next_serve()
    {
        await RunToEndAsync("migrate");
        await (await KillPartWayThroughSeedingAsync("seed-demo")).DisposeAsync();

        var port = WaypointProcess.FreePort();
        await using var serve = Start($"--urls http://127.0.0.1:{port}");
        await serve.WaitUntilServingAsync(port);
        Assert.Contains("created the demo organisations anytown and otherton", serve.Output, StringComparison.Ordinal);
        await AssertTheDemoIsWholeAsync();
    }

    [Fact]
    public async Task A_serve_killed_while_seeding_a_new_database_is_completed_by_seed_demo()
    {
        // A new database has its tables before the first serve seeds it (the start that migrates is tested above).
        await RunToEndAsync("migrate");
        await (await KillPartWayThroughSeedingAsync($"--urls http://127.0.0.1:{WaypointProcess.FreePort()}")).DisposeAsync();

        var output = await RunToEndAsync("seed-demo");
        Assert.Contains("created the demo organisations anytown and otherton", output, StringComparison.Ordinal);
        await AssertTheDemoIsWholeAsync();
    }

    /// <summary>Starts waypoint and kills it once it is part-way through seeding, with some of the demo written but not all.</summary>
    protected abstract Task<WaypointProcess> KillPartWayThroughSeedingAsync(string arguments);
}

public sealed class StartupOnSqlite() : StartupTests(DatabaseProvider.Sqlite)
{
    /// <summary>
    /// Once the process says it is seeding, its next write opens the seeding transaction; while that is open, nobody
    /// else can take SQLite's write lock.
    /// </summary>
    protected override async Task<WaypointProcess> KillPartWayThroughSeedingAsync(string arguments)
    {
        var process = Start(arguments);
        await process.WaitForOutputAsync(Seeding);
        await process.WaitUntilAsync(SomeoneIsWritingAsync, "to be writing the demo");
        process.Kill();
        return process;
    }

    private async Task<bool> SomeoneIsWritingAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        command.CommandTimeout = 1;
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_migration_is_cleared_by_the_next_migrate_and_the_next_serve()
    {
        // The state a migration killed part-way leaves: some migrations applied, and EF Core's lock row still there.
        await LeaveAsIfKilledWhileMigratingAsync();
        var output = await RunToEndAsync("migrate");
        Assert.Contains("Cleared the migration lock", output, StringComparison.Ordinal);
        Assert.Equal(0, await LockRowsAsync());
        Assert.Empty(await InDatabaseAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));

        await LeaveAsIfKilledWhileMigratingAsync();
        var port = WaypointProcess.FreePort();
        await using var serve = Start($"--urls http://127.0.0.1:{port}");
        await serve.WaitUntilServingAsync(port);
        Assert.Contains("Cleared the migration lock", serve.Output, StringComparison.Ordinal);
        Assert.Equal(0, await LockRowsAsync());
    }

    private async Task LeaveAsIfKilledWhileMigratingAsync()
    {
        await InDatabaseAsync(async db =>
        {
            await db.Database.MigrateAsync();
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            return 0;
        });
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The row exactly as EF Core writes it when it takes the lock.
        command.CommandText = """INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-12-01 09:00:00.0000000+00:00')""";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> LockRowsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsLock" """;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class StartupOnPostgres() : StartupTests(DatabaseProvider.Postgres)
{
    /// <summary>
    /// Kills the seeder deterministically between the two organisations: an uncommitted organisation row with
    /// Otherton's slug makes its insert of Otherton wait, after Anytown has been written. A seeder that committed
    /// Anytown on its own would leave it behind.
    /// </summary>
    protected override async Task<WaypointProcess> KillPartWayThroughSeedingAsync(string arguments)
    {
        await using var app = App();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Organisations.Add(new Organisation(Guid.NewGuid(), "otherton", "Holds Otherton's slug", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        await using var probe = new NpgsqlConnection(ConnectionString);
        await probe.OpenAsync();
        var process = Start(arguments);
        await process.WaitForOutputAsync(Seeding);
        await process.WaitUntilAsync(() => WaitingOnALockAsync(probe), "to wait for Otherton's slug, part-way through the demo");
        process.Kill();
        await transaction.RollbackAsync();
        return process;
    }

    private static async Task<bool> WaitingOnALockAsync(NpgsqlConnection probe)
    {
        await using var command = probe.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock')";
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_migration_killed_part_way_leaves_no_lock_and_the_next_migrate_completes()
    {
        // One migration short of current; then every table but the history locked, so migrating stops part-way.
        await InDatabaseAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().ToList()[^2]);
            return 0;
        });
        await using var holder = new NpgsqlConnection(ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTables = holder.CreateCommand())
        {
            lockTables.Transaction = transaction;
            lockTables.CommandText = """
                DO $$ DECLARE t text; BEGIN
                  FOR t IN SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' LOOP
                    EXECUTE 'LOCK TABLE ' || t || ' IN ACCESS EXCLUSIVE MODE';
                  END LOOP;
                END $$;
                """;
            await lockTables.ExecuteNonQueryAsync();
        }

        await using var probe = new NpgsqlConnection(ConnectionString);
        await probe.OpenAsync();
        await using (var migrating = Start("migrate"))
        {
            await migrating.WaitUntilAsync(() => WaitingOnALockAsync(probe), "to be part-way through migrating");
            migrating.Kill();
        }

        await transaction.RollbackAsync();
        var output = await RunToEndAsync("migrate");
        // Nothing was left held: the server let go of the killed process's locks with its connection.
        Assert.DoesNotContain("Another Waypoint", output, StringComparison.Ordinal);
        Assert.Empty(await InDatabaseAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
    }
}
