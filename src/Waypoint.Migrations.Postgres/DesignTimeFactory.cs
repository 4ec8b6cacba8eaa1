using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Data;

namespace Waypoint.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL. Used at design time only; it never connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDb>
{
    public WaypointDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WaypointDb>()
            .UseNpgsql("Host=localhost;Database=waypoint_design", o => o.MigrationsAssembly(WaypointDatabase.PostgresMigrations));
        return new WaypointDb(options.Options, new WaypointScope(), TimeProvider.System);
    }
}
