using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Data;

/// <summary>
/// Full-text search over learning with each engine's own search: SQLite's FTS5 table (kept current by triggers)
/// and PostgreSQL's text search (on an expression index). Both stem English words, so "reminders" finds "reminder".
/// </summary>
public static class LearningSearch
{
    /// <summary>
    /// The ids of the organisation's learning entries that contain every word of <paramref name="query"/> in any
    /// field, best match first. Callers load the entries through the tenant-filtered set, so nothing of another
    /// organisation can come back even if this were wrong.
    /// </summary>
    public static async Task<List<Guid>> FindAsync(WaypointDb db, string query, int limit, CancellationToken cancellationToken)
    {
        var organisationId = db.Scope.OrganisationId ?? throw new InvalidOperationException("No organisation in scope.");
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        if (db.Database.IsNpgsql())
        {
            var text = string.Join(' ', words);
            return await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM learning
                WHERE "OrganisationId" = {organisationId}
                  AND to_tsvector('english', "WhatHappened" || ' ' || "Evidence" || ' ' || "NextSteps") @@ plainto_tsquery('english', {text})
                ORDER BY ts_rank(to_tsvector('english', "WhatHappened" || ' ' || "Evidence" || ' ' || "NextSteps"), plainto_tsquery('english', {text})) DESC, "At" DESC
                LIMIT {limit}
                """).ToListAsync(cancellationToken);
        }

        // Each word quoted, so FTS5's query syntax (AND, NEAR, column filters, quotes) cannot be injected; quoted
        // words next to each other must all match.
        var match = string.Join(' ', words.Select(w => "\"" + w + "\""));
        var ids = await db.Database.SqlQuery<string>($"""
            SELECT s.LearningId AS "Value" FROM learning_search s
            JOIN learning l ON l.Id = s.LearningId
            WHERE learning_search MATCH {match} AND l.OrganisationId = {organisationId}
            ORDER BY s.rank
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return ids.Select(Guid.Parse).ToList();
    }

    /// <summary>The words of a query: letters and digits only, at most twenty of them.</summary>
    internal static List<string> Words(string? query)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in (query ?? string.Empty) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        return words.Distinct().Take(20).ToList();
    }
}
