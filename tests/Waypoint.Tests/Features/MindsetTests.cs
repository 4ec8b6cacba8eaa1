using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Mindset;

namespace Waypoint.Tests.Features;

/// <summary>
/// The mindset assessment through its services, on both engines: taking part, refusals, results held back for small
/// groups, and — looking at the tables themselves — that nothing stored joins an answer to a person or a token.
/// </summary>
public abstract class MindsetTests(WaypointApp app)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");

    private async Task<T> InAnytownAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WaypointDb>().Scope.EnterOrganisation(Anytown);
        return await work(scope.ServiceProvider);
    }

    private static DateOnly Today()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
    }

    private static Guid Campaign(string name) => DemoSeeder.IdFor($"anytown/mindset/campaign/{name}");

    private static string LatestClosed => $"Digital mindset {Today().AddDays(-29).Year}";

    /// <summary>An open campaign of its own, with a group invited by email; returns the campaign and the invitation tokens.</summary>
    private async Task<(Campaign Campaign, Guid GroupId, List<string> Tokens)> InvitedCampaignAsync(int invitees, DateOnly? opens = null)
    {
        return await InAnytownAsync(async services =>
        {
            var framework = await services.GetRequiredService<FrameworkService>().EnsureDefaultAsync(CancellationToken.None);
            var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(
                new CampaignInput($"Test {Guid.NewGuid():N}", framework.Id, opens ?? Today().AddDays(-2), Today().AddDays(5), ["Frontline staff", "Councillors"]), CancellationToken.None);
            var db = services.GetRequiredService<WaypointDb>();
            var group = await db.RespondentGroups.SingleAsync(g => g.CampaignId == campaign.Id && g.Name == "Councillors");
            var emails = Enumerable.Range(1, invitees).Select(i => $"person{i}@anytown.example").ToList();
            var delivery = await services.GetRequiredService<InvitationService>().InviteAsync(campaign.Id, group.Id, emails, "https://waypoint.example", CancellationToken.None);
            var lines = Encoding.UTF8.GetString(delivery!.Content!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("email,link", lines[0]);
            var tokens = lines.Skip(1).Select(l => l.Split(',')[1]).Select(link => link[(link.LastIndexOf('/') + 1)..]).ToList();
            Assert.All(lines.Skip(1), l => Assert.StartsWith("person", l, StringComparison.Ordinal));
            return (campaign, group.Id, tokens);
        });
    }

    private static SubmissionInput Answers(Framework framework, int value) =>
        new(framework.Features.SelectMany(f => f.Statements.Select(s => new AnswerInput(f.Number, s.Number, value))).ToList(), [new CommentInput(2, "Trust us more")]);

    private Task<int> ResponsesAsync(Guid campaignId) =>
        app.WithDbAsync(db => db.MindsetResponses.IgnoreQueryFilters().CountAsync(r => r.CampaignId == campaignId));

    private Task<int> SubmitByTokenAsync(string token, Func<Framework, SubmissionInput> answers) => InAnytownAsync(async services =>
    {
        var form = await services.GetRequiredService<ResponseService>().OpenByInvitationAsync(token, CancellationToken.None);
        await services.GetRequiredService<ResponseService>().SubmitByInvitationAsync(token, answers(form.Framework), CancellationToken.None);
        return 0;
    });

    [Fact]
    public async Task An_invitation_answers_once_and_a_second_use_is_refused_without_storing_anything()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(2);
        await SubmitByTokenAsync(tokens[0], f => Answers(f, 4));
        Assert.Equal(1, await ResponsesAsync(campaign.Id));

        var again = await Assert.ThrowsAsync<RuleViolation>(() => SubmitByTokenAsync(tokens[0], f => Answers(f, 2)));
        Assert.Equal(Response.SpentMessage, again.Message);
        var unknown = await Assert.ThrowsAsync<RuleViolation>(() => SubmitByTokenAsync(tokens[0] + "x", f => Answers(f, 2)));
        Assert.Equal(Response.UnknownLinkMessage, unknown.Message);
        Assert.Equal(1, await ResponsesAsync(campaign.Id));

        var spent = await app.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().Where(i => i.CampaignId == campaign.Id).Select(i => i.Spent).ToListAsync());
        Assert.Equal([false, true], spent.Order());
    }

    [Fact]
    public async Task A_group_with_invitations_refuses_its_open_link()
    {
        var (campaign, groupId, _) = await InvitedCampaignAsync(1);
        var code = await app.WithDbAsync(db => db.RespondentGroups.IgnoreQueryFilters().Where(g => g.Id == groupId).Select(g => g.LinkCode).SingleAsync());
        var error = await Assert.ThrowsAsync<RuleViolation>(() => InAnytownAsync<object>(async s =>
            await s.GetRequiredService<ResponseService>().OpenByLinkAsync(code, CancellationToken.None)));
        Assert.Equal(ResponseService.ByInvitationMessage, error.Message);
        Assert.Equal(0, await ResponsesAsync(campaign.Id));
    }

    [Fact]
    public async Task Answers_off_the_scale_are_refused_spend_nothing_and_store_nothing()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(1);
        var error = await Assert.ThrowsAsync<RuleViolation>(() => SubmitByTokenAsync(tokens[0], f =>
        {
            var answers = Answers(f, 3);
            return answers with { Answers = [.. answers.Answers!.Skip(1), new AnswerInput(1, 1, 6)] };
        }));
        Assert.Equal("feature-1-statement-1", error.Field);
        Assert.Equal(0, await ResponsesAsync(campaign.Id));
        // The token still works: nothing was spent by the refused answers.
        await SubmitByTokenAsync(tokens[0], f => Answers(f, 5));
        Assert.Equal(1, await ResponsesAsync(campaign.Id));
    }

    [Fact]
    public async Task Closed_and_not_yet_open_campaigns_take_no_answers()
    {
        var closedCode = await app.WithDbAsync(db => db.RespondentGroups.IgnoreQueryFilters()
            .Where(g => g.CampaignId == Campaign(LatestClosed) && g.Name == "Frontline staff").Select(g => g.LinkCode).SingleAsync());
        var closed = await Assert.ThrowsAsync<RuleViolation>(() => InAnytownAsync(async s =>
        {
            var framework = await s.GetRequiredService<FrameworkService>().FindAsync(DemoSeeder.IdFor("anytown/mindset/framework"), CancellationToken.None);
            await s.GetRequiredService<ResponseService>().SubmitByLinkAsync(closedCode, Answers(framework!, 3), CancellationToken.None);
            return 0;
        }));
        Assert.Contains("closed on", closed.Message, StringComparison.Ordinal);

        var (_, _, tokens) = await InvitedCampaignAsync(1, opens: Today().AddDays(2));
        var early = await Assert.ThrowsAsync<RuleViolation>(() => InAnytownAsync<object>(async s =>
            await s.GetRequiredService<ResponseService>().OpenByInvitationAsync(tokens[0], CancellationToken.None)));
        Assert.Contains("opens on", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_wait_for_the_campaign_to_close_and_until_then_only_counts_show()
    {
        var open = Campaign("Digital mindset pulse check");
        var error = await Assert.ThrowsAsync<RuleViolation>(() => InAnytownAsync(s => s.GetRequiredService<ResultsService>().ResultsAsync(open, CancellationToken.None)));
        Assert.StartsWith("Results are shown once the campaign closes", error.Message, StringComparison.Ordinal);
        var counts = await InAnytownAsync(s => s.GetRequiredService<CampaignService>().LiveCountsAsync(open, CancellationToken.None));
        Assert.Equal(6, counts!.Count);
        Assert.True(counts.Sum(c => c.Responses) > 0);
    }

    [Fact]
    public async Task The_demo_holds_back_its_three_councillors_and_shows_improvement_and_an_outcome_from_a_weak_feature()
    {
        var view = await InAnytownAsync(s => s.GetRequiredService<ResultsService>().ResultsAsync(Campaign(LatestClosed), CancellationToken.None));
        var results = view!.Results;
        Assert.Contains("Councillors", results.Suppressed);
        Assert.True(results.Suppressed.Count >= 2);
        Assert.DoesNotContain(results.Features.SelectMany(f => f.Groups), g => g.Group == "Councillors");
        Assert.True(results.Overall!.Respondents >= 150);
        Assert.True(results.Feature(10)!.Total!.Change > 0.4, "Small quick steps should have improved visibly.");
        Assert.True(results.Feature(DemoMindset.WeakFeature)!.Total!.Mean < 3);

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => InAnytownAsync(s =>
            s.GetRequiredService<ResultsService>().CellAsync(Campaign(LatestClosed), 1, "Councillors", CancellationToken.None)));
        Assert.Equal(ResultsService.SuppressedMessage, refused.Message);
        Assert.DoesNotMatch("[0-9]", refused.Message);

        var outcome = await app.WithDbAsync(db => db.Outcomes.IgnoreQueryFilters().SingleAsync(o => o.SourceCampaignId == Campaign(LatestClosed)));
        Assert.Equal(DemoMindset.WeakFeature, outcome.SourceFeatureNumber);
    }

    [Fact]
    public async Task A_leader_creates_an_outcome_from_a_feature_of_closed_results()
    {
        var outcome = await InAnytownAsync(async s =>
        {
            var results = s.GetRequiredService<ResultsService>();
            var suggestion = await results.SuggestOutcomeAsync(Campaign(LatestClosed), 6, CancellationToken.None);
            return await results.CreateOutcomeAsync(Campaign(LatestClosed), 6,
                suggestion! with { TeamId = DemoSeeder.IdFor("anytown/team/Customer Contact"), TargetDate = Today().AddMonths(10) }, CancellationToken.None);
        });
        Assert.Equal((Campaign(LatestClosed), 6), (outcome!.SourceCampaignId!.Value, outcome.SourceFeatureNumber!.Value));
        Assert.Contains("Flexible", outcome.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_framework_in_use_is_cloned_edited_exported_and_imported_as_new_versions()
    {
        var framework = DemoSeeder.IdFor("anytown/mindset/framework");
        var (versions, imported) = await InAnytownAsync(async s =>
        {
            var frameworks = s.GetRequiredService<FrameworkService>();
            var inUse = await Assert.ThrowsAsync<RuleViolation>(async () => await frameworks.EditAsync(framework, new FrameworkInput("Changed", []), CancellationToken.None));
            Assert.Equal("features", inUse.Field);

            var clone = await frameworks.CloneAsync(framework, CancellationToken.None);
            var drafts = clone!.Drafts().ToList();
            drafts[2] = drafts[2] with { Statements = ["I can try something new without asking first.", "Trying and failing is not held against anyone."] };
            var edited = await frameworks.EditAsync(clone.Id, new FrameworkInput(clone.Name, drafts), CancellationToken.None);
            Assert.Equal(2, edited!.Features[2].Statements.Count);

            var json = FrameworkService.ToJson((await frameworks.ExportAsync(clone.Id, CancellationToken.None))!);
            Assert.Contains("\"statements\"", json, StringComparison.Ordinal);
            var imported = await frameworks.ImportJsonAsync(json, CancellationToken.None);
            Assert.Equal("file", (await Assert.ThrowsAsync<RuleViolation>(() => frameworks.ImportJsonAsync("{ not json", CancellationToken.None))).Field);
            return (await frameworks.ListAsync(CancellationToken.None), imported);
        });

        var ours = versions.Where(v => v.Name == DefaultFramework.Name).ToList();
        Assert.True(ours.Count >= 3);
        Assert.True(ours.Single(v => v.Id == framework).InUse);
        Assert.Equal(ours.Max(v => v.Version), imported.Version);
        Assert.Equal(2, imported.Features[2].Statements.Count);
    }

    [Fact]
    public async Task Campaign_groups_change_until_people_answer_and_a_closed_campaign_keeps_its_dates()
    {
        await InAnytownAsync(async s =>
        {
            var campaigns = s.GetRequiredService<CampaignService>();
            var framework = await s.GetRequiredService<FrameworkService>().EnsureDefaultAsync(CancellationToken.None);
            var created = await campaigns.CreateAsync(new CampaignInput($"Groups {Guid.NewGuid():N}", framework.Id, Today().AddDays(3), Today().AddDays(30)), CancellationToken.None);
            var view = await campaigns.FindAsync(created.Id, CancellationToken.None);
            Assert.Equal(RespondentGroup.DefaultNames.Order(StringComparer.Ordinal), view!.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));
            Assert.Equal(CampaignState.Draft, view.State);

            var panel = await campaigns.AddGroupAsync(created.Id, "Residents' panel", CancellationToken.None);
            Assert.Equal("name", (await Assert.ThrowsAsync<RuleViolation>(() => campaigns.RenameGroupAsync(created.Id, panel!.Id, "councillors", CancellationToken.None))).Field);
            await campaigns.RenameGroupAsync(created.Id, panel!.Id, "Residents", CancellationToken.None);
            Assert.True(await campaigns.RemoveGroupAsync(created.Id, panel.Id, CancellationToken.None));
            Assert.Equal(6, (await campaigns.FindAsync(created.Id, CancellationToken.None))!.Groups.Count);

            var pulse = Campaign("Digital mindset pulse check");
            var answered = (await campaigns.FindAsync(pulse, CancellationToken.None))!.Groups.Single(g => g.Name == "Frontline staff");
            Assert.Equal("groupId", (await Assert.ThrowsAsync<RuleViolation>(() => campaigns.RemoveGroupAsync(pulse, answered.Id, CancellationToken.None))).Field);

            var closed = (await campaigns.FindAsync(Campaign(LatestClosed), CancellationToken.None))!.Campaign;
            var reopen = new CampaignInput(closed.Name, closed.FrameworkId, closed.OpensOn, Today().AddDays(7));
            Assert.Equal("closesOn", (await Assert.ThrowsAsync<RuleViolation>(() => campaigns.UpdateAsync(closed.Id, reopen, CancellationToken.None))).Field);
            await Assert.ThrowsAsync<RuleViolation>(() => campaigns.LiveCountsAsync(closed.Id, CancellationToken.None));
            return 0;
        });
    }

    [Fact]
    public async Task Another_organisation_sees_none_of_Anytowns_campaigns_or_results()
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WaypointDb>().Scope.EnterOrganisation(DemoSeeder.IdFor("otherton"));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<CampaignService>().ListAsync(CancellationToken.None));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ResultsService>().ResultsAsync(Campaign(LatestClosed), CancellationToken.None));
        // Otherton gets its own copy of the default framework, not Anytown's.
        var own = await scope.ServiceProvider.GetRequiredService<FrameworkService>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(own, f => f.Id == DemoSeeder.IdFor("anytown/mindset/framework"));
        Assert.Equal(15, Assert.Single(own).Features);
    }

    [Fact]
    public async Task Request_paths_which_carry_invitation_tokens_are_not_logged()
    {
        await app.ReadyAsync();
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    /// <summary>The columns of a table, as the engine itself describes them: name and declared type.</summary>
    private async Task<List<(string Name, string Type)>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = app.Provider == DatabaseProvider.Sqlite
            ? $"SELECT name, type FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}'";
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.NotEmpty(columns);
        return columns;
    }

    private static readonly string[] PersonalWords = ["user", "email", "mail", "token", "invitation", "address", "ip", "agent", "actor", "person", "name", "time", "created", "updated", "at"];

    /// <summary>Whether a column's name has the word in it: as one of its words ("CreatedAt" has "at"), or anywhere when it is long.</summary>
    private static bool Names(string column, string word) =>
        System.Text.RegularExpressions.Regex.Split(column, "(?<=[a-z])(?=[A-Z])|_").Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase))
        || (word.Length > 3 && column.Contains(word, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task No_column_or_row_order_joins_a_response_to_a_person_or_a_token()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(3);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();

        // Responses, answers and comments: no column that names a person, a token or a time; dates are dates only.
        foreach (var table in new[] { "mindset_responses", "mindset_answers", "mindset_comments" })
        {
            foreach (var (name, type) in await ColumnsAsync(connection, table))
            {
                Assert.False(PersonalWords.Any(w => Names(name, w)), $"{table}.{name} could tie an answer to a person or a moment.");
                Assert.DoesNotContain("time", type, StringComparison.OrdinalIgnoreCase);
                Assert.False(app.Provider == DatabaseProvider.Sqlite && type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("Number", StringComparison.Ordinal) && name != "Value",
                    $"{table}.{name} is a number that could hold a time or a sequence.");
            }
        }

        Assert.Equal(["CampaignId", "GroupId", "Id", "OrganisationId", "SubmittedOn"], (await ColumnsAsync(connection, "mindset_responses")).Select(c => c.Name).Order(StringComparer.Ordinal));
        // Invitations: a hash and whether it is spent. No response, no time of spending.
        Assert.Equal(["CampaignId", "GroupId", "Id", "OrganisationId", "Spent", "TokenHash"], (await ColumnsAsync(connection, "mindset_invitations")).Select(c => c.Name).Order(StringComparer.Ordinal));

        // Spend the invitations in an order unlike the one they were stored in: nothing stored afterwards tells it.
        var before = await PhysicalOrderAsync(connection, campaign.Id);
        foreach (var token in new[] { tokens[2], tokens[0], tokens[1] })
        {
            await SubmitByTokenAsync(token, f => Answers(f, 3));
        }

        var after = await PhysicalOrderAsync(connection, campaign.Id);
        Assert.Equal(before.Select(r => r.Id), after.Select(r => r.Id));
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // Every invitation carries the stamp of the last transaction, so no stamp marks when one was spent.
            Assert.Single(after.Select(r => r.Stamp).Distinct());
        }

        var responses = await db.MindsetResponses.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id).ToListAsync();
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.Equal(4, r.Id.Version));
        Assert.False(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a =>
            a.EntityType == nameof(Response) || a.EntityType == nameof(Answer) || a.EntityType == nameof(FeatureComment) || a.EntityType == nameof(Invitation)));
    }

    /// <summary>The campaign's invitations in the order the engine keeps them, with PostgreSQL's transaction stamp.</summary>
    private async Task<List<(Guid Id, string Stamp)>> PhysicalOrderAsync(DbConnection connection, Guid campaignId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = app.Provider == DatabaseProvider.Sqlite
            ? "SELECT \"Id\", '' FROM mindset_invitations WHERE \"CampaignId\" = @c ORDER BY rowid"
            : "SELECT \"Id\"::text, xmin::text FROM mindset_invitations WHERE \"CampaignId\" = @c ORDER BY ctid";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@c";
        parameter.Value = app.Provider == DatabaseProvider.Sqlite ? campaignId.ToString().ToUpperInvariant() : campaignId;
        command.Parameters.Add(parameter);
        var rows = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        Assert.NotEmpty(rows);
        return rows;
    }
}

public sealed class MindsetOnSqlite(SqliteApp app) : MindsetTests(app), IClassFixture<SqliteApp>;

public sealed class MindsetOnPostgres(PostgresApp app) : MindsetTests(app), IClassFixture<PostgresApp>;
