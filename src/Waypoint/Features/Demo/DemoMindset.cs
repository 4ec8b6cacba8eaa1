using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Waypoint.Core.Mindset;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Waypoint.Data;

namespace Waypoint.Features.Demo;

/// <summary>
/// Anytown's mindset assessment: the same campaign a year apart, both closed, with a few hundred answers. Three
/// councillors answer each time, too few to show, so the results hold them back (and the next smallest group with
/// them). Managing by outcomes, flexible working and small quick steps improve visibly; taking calculated risks
/// stays weak, and an outcome was created from it. A third campaign is open, to show the live count.
/// </summary>
internal static class DemoMindset
{
    /// <summary>Respondents per group in the earlier and the later campaign, and how the group leans.</summary>
    private static readonly (string Group, int Before, int After, double Lean)[] Groups =
    [
        ("Leadership", 12, 14, 0.4),
        ("Service managers", 28, 31, 0.0),
        ("Frontline staff", 80, 90, -0.25),
        ("Digital and IT", 22, 25, 0.35),
        ("Councillors", 3, 3, -0.1),
        ("Partners and suppliers", 12, 14, 0.1),
    ];

    /// <summary>Each feature's typical score in the earlier campaign, and how much it moved by the later one.</summary>
    private static readonly (double Before, double Change)[] Features =
    [
        (3.4, 0.1), (2.9, 0.2), (2.3, 0.05), (3.1, 0.1), (2.6, 0.8),
        (2.8, 0.7), (3.3, 0.0), (2.7, 0.3), (2.9, 0.1), (2.5, 0.9),
        (3.0, 0.2), (2.8, 0.1), (3.2, -0.1), (3.1, 0.2), (2.9, 0.3),
    ];

    private static readonly string[] Comments =
    [
        "Some teams already work like this; others have not heard of it.",
        "We are asked for plans in detail before anyone knows enough to write them.",
        "It has improved since the new check-ins replaced the weekly report.",
        "Sign-off still takes longer than the work.",
        "Working with the service managers from the first week made a real difference.",
        "I would like more time for training.",
    ];

    public const int WeakFeature = 3;

    public static IEnumerable<object> Create(Guid organisationId, Func<string, Guid> idFor, DateTimeOffset now)
    {
        // The demo councils keep the default time zone, so their today is London's.
        var today = OrganisationTime.Today(Organisation.DefaultTimeZone, now);
        var random = new Random(20251128);
        var framework = DefaultFramework.Create(idFor("anytown/mindset/framework"), organisationId, now.AddYears(-1).AddMonths(-1));
        var records = new List<object> { framework };

        var closes = today.AddDays(-2);
        var opens = closes.AddDays(-27);
        var before = Campaign(organisationId, idFor, framework, $"Digital mindset {opens.AddYears(-1).Year}", opens.AddYears(-1), closes.AddYears(-1), now.AddYears(-1).AddMonths(-1), records);
        var after = Campaign(organisationId, idFor, framework, $"Digital mindset {opens.Year}", opens, closes, now.AddMonths(-1), records);
        var open = Campaign(organisationId, idFor, framework, "Digital mindset pulse check", today.AddDays(-3), today.AddDays(25), now.AddDays(-4), records);

        foreach (var (group, sizeBefore, sizeAfter, lean) in Groups)
        {
            records.AddRange(Responses(before, Group(records, before, group), framework, sizeBefore, lean, 0, random));
            records.AddRange(Responses(after, Group(records, after, group), framework, sizeAfter, lean, 1, random));
            records.AddRange(Responses(open, Group(records, open, group), framework, sizeAfter / 6, lean, 1, random, until: today));
        }

        var outcome = new Outcome(idFor("anytown/outcome/mindset-risk"), organisationId, idFor("anytown/team/Digital Services"),
            "Teams take calculated risks within a clear appetite",
            "As people working for the council we need to know how much risk we may take, so we can try new things without fear of blame",
            "The next mindset campaign scores \"Take calculated risks\" at 3 or more across every group shown",
            today.AddMonths(11), null, Visibility.Organisation, now.AddDays(-1));
        outcome.ComesFrom(after.Id, WeakFeature);
        records.Add(outcome.MoveTo(OutcomeState.Agreed, [], null, idFor("leader@anytown.example"), now.AddDays(-1)));
        records.Add(outcome);
        return records;
    }

    /// <summary>
    /// Saves the demo. The fifteen thousand answers go in as multi-row inserts rather than through the change
    /// tracker, which would take seconds; the demo is seeded for every test class, so that matters.
    /// </summary>
    public static async Task SeedAsync(WaypointDb db, Guid organisationId, Func<string, Guid> idFor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = Create(organisationId, idFor, now).ToList();
        var responses = records.OfType<Response>().ToList();
        db.AddRange(records.Where(r => r is not Response));
        await db.SaveChangesAsync(cancellationToken);

        var sqlite = db.Database.IsSqlite();
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object Day(DateOnly day) => sqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await InsertAsync(connection, transaction, sqlite, "mindset_responses", ["Id", "OrganisationId", "CampaignId", "GroupId", "SubmittedOn"],
            responses.Select(r => new[] { Id(r.Id), Id(r.OrganisationId), Id(r.CampaignId), Id(r.GroupId), Day(r.SubmittedOn) }), cancellationToken);
        await InsertAsync(connection, transaction, sqlite, "mindset_answers", ["ResponseId", "FeatureNumber", "StatementNumber", "Value"],
            responses.SelectMany(r => r.Answers.Select(a => new[] { Id(r.Id), a.FeatureNumber, a.StatementNumber, (object)(int)a.Value })), cancellationToken);
        await InsertAsync(connection, transaction, sqlite, "mindset_comments", ["ResponseId", "FeatureNumber", "Text"],
            responses.SelectMany(r => r.Comments.Select(c => new[] { Id(r.Id), c.FeatureNumber, (object)c.Text })), cancellationToken);
    }

    /// <summary>
    /// Inserts rows in one transaction: on SQLite one prepared single-row command run again and again (its
    /// parameters are found by name, so large multi-row commands get slower, not faster); on PostgreSQL multi-row
    /// commands, which save round trips.
    /// </summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, bool sqlite, string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        var rowsPerCommand = sqlite ? 1 : 500;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        DbCommand? prepared = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerCommand))
            {
                if (prepared is null || chunk.Length != rowsPerCommand || !sqlite)
                {
                    if (prepared is not null)
                    {
                        await prepared.DisposeAsync();
                    }

                    prepared = connection.CreateCommand();
                    prepared.Transaction = transaction;
                    var sql = new StringBuilder($"INSERT INTO {table} ({names}) VALUES ");
                    for (var row = 0; row < chunk.Length; row++)
                    {
                        sql.Append(row == 0 ? "(" : ", (");
                        for (var column = 0; column < columns.Length; column++)
                        {
                            var parameter = prepared.CreateParameter();
                            parameter.ParameterName = $"@p{row}_{column}";
                            prepared.Parameters.Add(parameter);
                            sql.Append(column == 0 ? string.Empty : ", ").Append(parameter.ParameterName);
                        }

                        sql.Append(')');
                    }

                    // SQLite keeps the compiled statement with the command while its text stays the same.
                    prepared.CommandText = sql.ToString();
                }

                for (var row = 0; row < chunk.Length; row++)
                {
                    for (var column = 0; column < columns.Length; column++)
                    {
                        prepared.Parameters[(row * columns.Length) + column].Value = chunk[row][column];
                    }
                }

                await prepared.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (prepared is not null)
            {
                await prepared.DisposeAsync();
            }
        }
    }

    private static Campaign Campaign(Guid organisationId, Func<string, Guid> idFor, Framework framework, string name, DateOnly opens, DateOnly closes, DateTimeOffset createdAt, List<object> records)
    {
        var campaign = new Campaign(idFor($"anytown/mindset/campaign/{name}"), organisationId, name, framework.Id, opens, closes, createdAt);
        var groups = new List<RespondentGroup>();
        foreach (var group in Groups)
        {
            groups.Add(campaign.AddGroup(idFor($"anytown/mindset/campaign/{name}/group/{group.Group}"), group.Group, groups, opens.AddDays(-1)));
        }

        records.Add(campaign);
        records.AddRange(groups);
        return campaign;
    }

    private static RespondentGroup Group(List<object> records, Campaign campaign, string name) =>
        records.OfType<RespondentGroup>().Single(g => g.CampaignId == campaign.Id && g.Name == name);

    private static IEnumerable<Response> Responses(Campaign campaign, RespondentGroup group, Framework framework, int count, double lean, double progress, Random random, DateOnly? until = null)
    {
        var last = until ?? campaign.ClosesOn;
        for (var i = 0; i < count; i++)
        {
            var answers = new List<AnswerInput>();
            foreach (var feature in framework.Features)
            {
                var (start, change) = Features[feature.Number - 1];
                var typical = start + (change * progress) + lean;
                foreach (var statement in feature.Statements)
                {
                    var value = random.NextDouble() < 0.06 ? 0 : Math.Clamp((int)Math.Round(typical + Noise(random)), 1, 5);
                    answers.Add(new AnswerInput(feature.Number, statement.Number, value));
                }
            }

            var comments = random.NextDouble() < 0.12
                ? [new CommentInput(random.Next(1, framework.Features.Count + 1), Comments[random.Next(Comments.Length)])]
                : Array.Empty<CommentInput>();
            var day = campaign.OpensOn.AddDays(random.Next(0, last.DayNumber - campaign.OpensOn.DayNumber + 1));
            yield return Response.Submit(campaign, group, framework, answers, comments, day);
        }
    }

    /// <summary>Roughly normal, with a spread of about one point.</summary>
    private static double Noise(Random random) => (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.6;
}
