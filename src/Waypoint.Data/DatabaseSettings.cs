namespace Waypoint.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Waypoint:Database</c> settings.</summary>
public sealed class DatabaseSettings
{
    public const string DefaultSqliteConnectionString = "Data Source=./data/waypoint.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Whether <c>serve</c> applies pending migrations when it starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Provider == DatabaseProvider.Sqlite ? DefaultSqliteConnectionString
        : throw new InvalidOperationException("Waypoint__Database__ConnectionString must be set when the provider is Postgres.");
}
