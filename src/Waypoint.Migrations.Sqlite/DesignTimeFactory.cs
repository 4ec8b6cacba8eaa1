using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Data;

namespace Waypoint.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite. Used at design time only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDb>
{
    public WaypointDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WaypointDb>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(WaypointDatabase.SqliteMigrations));
        return new WaypointDb(options.Options, new WaypointScope(), TimeProvider.System);
    }
}
