using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Waypoint.Cli;
using Waypoint.Data;

namespace Waypoint.Infrastructure;

/// <summary>
/// Brings the database up to date, or says in one line why it cannot. Migrating (and seeding) happens under the
/// <see cref="StartupLock"/>, so that two instances starting at once take turns and a crash leaves nothing held.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>EF Core's own migration lock on SQLite: a row that only a process that finishes removes.</summary>
    private const string SqliteMigrationLockTable = "__EFMigrationsLock";

    private const string SqliteMigrationLockExists =
        "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '" + SqliteMigrationLockTable + "'";

    private const string ClearSqliteMigrationLock = "DELETE FROM \"" + SqliteMigrationLockTable + "\"";

    /// <summary>Takes the start-up lock; hold it while migrating or seeding.</summary>
    public static async Task<StartupLock> LockAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            return await StartupLock.AcquireAsync(services, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new CliError(Describe(services, e), e);
        }
    }

    /// <summary>Takes the start-up lock, migrates, and lets go.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var held = await LockAsync(services, cancellationToken);
        await MigrateHoldingLockAsync(services, held, cancellationToken);
    }

    /// <summary>Migrates; the caller holds the start-up lock (<see cref="LockAsync"/>).</summary>
    public static async Task MigrateHoldingLockAsync(IServiceProvider services, StartupLock held, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        try
        {
            if (held.HoldsSqliteFile)
            {
                await ClearStaleSqliteMigrationLockAsync(db, services, cancellationToken);
            }

            // On PostgreSQL EF Core locks the history table inside its transaction, which the server releases with
            // the connection: a crash cannot leave it held.
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new CliError(Describe(services, e), e);
        }
    }

    /// <summary>
    /// EF Core serialises SQLite migrations with a row in <c>__EFMigrationsLock</c>, removed when migrating ends. A
    /// process killed while migrating leaves the row, and every later start would wait for it forever, saying nothing.
    /// Whoever holds the start-up lock is the only Waypoint migrating this file, so a row found then is stale.
    /// </summary>
    private static async Task ClearStaleSqliteMigrationLockAsync(WaypointDb db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var exists = await db.Database
            .SqlQueryRaw<int>(SqliteMigrationLockExists)
            .SingleAsync(cancellationToken);
        if (exists == 0)
        {
            return;
        }

        var cleared = await db.Database.ExecuteSqlRawAsync(ClearSqliteMigrationLock, cancellationToken);
        if (cleared > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup)).LogWarning(
                "Cleared the migration lock left in the database by a Waypoint that stopped while migrating; carrying on.");
        }
    }

    /// <summary>Refuses to go on when the database lacks migrations, rather than failing later on a missing table.</summary>
    public static async Task RequireCurrentAsync(WaypointDb db, IServiceProvider services, CancellationToken cancellationToken)
    {
        IEnumerable<string> pending;
        try
        {
            pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new CliError(Describe(services, e), e);
        }

        if (pending.Any())
        {
            throw new CliError("the database is not up to date: run 'waypoint migrate' first.");
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is DbException or SocketException or TimeoutException or InvalidOperationException { InnerException: DbException or SocketException }
        || e.InnerException is DbException or SocketException;

    private static string Describe(IServiceProvider services, Exception e)
    {
        var settings = services.GetRequiredService<WaypointSettings>();
        var reason = (e.InnerException is DbException or SocketException ? e.InnerException : e).Message.ReplaceLineEndings(" ");
        return $"cannot reach the {settings.Database.Provider} database: {reason}";
    }
}
