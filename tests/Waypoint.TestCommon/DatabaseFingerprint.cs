using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Data;

namespace Waypoint.TestCommon;

/// <summary>
/// Every row of every table of the model, as a row count and a hash per table: equal fingerprints mean nothing was
/// added, removed or changed. Rows are hashed in a sorted order, so the engine's order of reading does not matter.
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    /// <summary>
    /// Tables whose rows change without any request asking for a change: the keys that protect cookies are made when
    /// first needed.
    /// </summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DataProtectionKeys" };

    public static async Task<DatabaseFingerprint> TakeAsync(WaypointDb db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .Select(e => e.GetTableName()!)
            .Where(t => !Ignored.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync();
        }

        try
        {
            var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(Row(reader));
                }

                rows.Sort(StringComparer.Ordinal);
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16];
                result[table] = (rows.Count, hash);
            }

            return new DatabaseFingerprint(result);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The tables that differ, with their row counts before and after.</summary>
    public IReadOnlyList<string> Differences(DatabaseFingerprint after) =>
        Tables.Keys.Union(after.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {Tables.GetValueOrDefault(t).Rows} rows before, {after.Tables.GetValueOrDefault(t).Rows} after" +
                         (Tables.GetValueOrDefault(t).Rows == after.Tables.GetValueOrDefault(t).Rows ? " (a row changed)" : string.Empty))
            .ToList();

    private static string Row(DbDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            values[i] = value switch
            {
                DBNull => "∅",
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }

        return string.Join('\u001f', values);
    }
}
