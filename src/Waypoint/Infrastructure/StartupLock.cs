using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.Infrastructure;

/// <summary>
/// Only one Waypoint at a time migrates or seeds a database, and the lock that says so belongs to a live process: on
/// SQLite an operating-system lock on a file beside the database, on PostgreSQL a session advisory lock. The
/// operating system, or the database server, releases it when the process or its connection ends, however it ends,
/// so a crash can never leave it held. A second instance that starts at the same moment waits, and says for whom
/// (ADR 0014).
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "Waypoint" in ASCII, both halves below 2^31 so pg_locks shows them plainly.</summary>
    private const long AdvisoryKey = 0x5761_7970_6F69_6E74;

    private static readonly string Key = AdvisoryKey.ToString(CultureInfo.InvariantCulture);

    private readonly FileStream? _file;
    private readonly AsyncServiceScope? _session;
    private readonly DbConnection? _connection;

    private StartupLock(FileStream? file, AsyncServiceScope? session, DbConnection? connection)
    {
        _file = file;
        _session = session;
        _connection = connection;
    }

    /// <summary>Whether this is an SQLite database's file lock: then no other Waypoint can be migrating that file.</summary>
    public bool HoldsSqliteFile => _file is not null;

    /// <summary>The file an SQLite database's start-up lock is taken on, or null for a database with no plain file (in memory).</summary>
    public static string? LockFileFor(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(dataSource) + ".startup-lock";
    }

    public static async Task<StartupLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<WaypointSettings>().Database;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<StartupLock>();
        return settings.Provider == DatabaseProvider.Postgres
            ? await AcquirePostgresAsync(services, logger, cancellationToken)
            : new StartupLock(await AcquireFileAsync(settings.EffectiveConnectionString, logger, cancellationToken), null, null);
    }

    private static async Task<FileStream?> AcquireFileAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var path = LockFileFor(connectionString);
        if (path is null)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var said = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on the open file, held until it is closed or the process ends.
                // The file itself stays: deleting it would let a third process lock a new file while a second still
                // waits on the old one.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!said)
                {
                    logger.LogWarning(
                        "Another Waypoint is migrating or seeding this database; waiting for it to finish (it holds {LockFile}). "
                        + "A process that has ended holds nothing: the operating system releases the lock.", path);
                    said = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private static async Task<StartupLock> AcquirePostgresAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        // A connection of its own, held open for as long as the lock: migrating and seeding use others.
        var session = services.CreateAsyncScope();
        try
        {
            var db = session.ServiceProvider.GetRequiredService<WaypointDb>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            if (await ScalarAsync(connection, "SELECT pg_try_advisory_lock(" + Key + ")", cancellationToken) is not true)
            {
                var holder = await DescribeHolderAsync(connection, cancellationToken);
                logger.LogWarning(
                    "Another Waypoint is migrating or seeding this database; waiting for it to finish ({Holder}). "
                    + "If no other Waypoint is running, that session was left by a lost connection: end it with SELECT pg_terminate_backend(pid).",
                    holder);
                await ScalarAsync(connection, "SELECT pg_advisory_lock(" + Key + ")", cancellationToken, waitForever: true);
            }

            return new StartupLock(null, session, connection);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> DescribeHolderAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT a.pid, coalesce(host(a.client_addr), 'this machine'), a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {AdvisoryKey >> 32} AND l.objid = {AdvisoryKey & 0xFFFF_FFFF} AND l.objsubid = 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? string.Create(CultureInfo.InvariantCulture, $"PostgreSQL session pid {reader.GetValue(0)} from {reader.GetValue(1)}, connected since {reader.GetValue(2)}")
            : "a session that has just let go";
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, bool waitForever = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (waitForever)
        {
            command.CommandTimeout = 0;
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }

        if (_connection is not null)
        {
            try
            {
                // Said explicitly: a pooled connection keeps a session lock until it is next reset.
                await ScalarAsync(_connection, "SELECT pg_advisory_unlock(" + Key + ")", CancellationToken.None);
            }
            catch (DbException)
            {
                // The connection has gone, and the lock with it.
            }
        }

        if (_session is { } session)
        {
            await session.DisposeAsync();
        }
    }
}
