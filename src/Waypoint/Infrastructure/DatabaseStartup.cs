using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Waypoint.Cli;
using Waypoint.Data;

namespace Waypoint.Infrastructure;

/// <summary>Brings the database up to date, or says in one line why it cannot.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new CliError(Describe(services, e), e);
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
