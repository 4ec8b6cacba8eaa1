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

    protected async Task<T> InAnytownAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WaypointDb>().Scope.EnterOrganisation(Anytown);
        return await work(scope.ServiceProvider);
    }

    protected static DateOnly Today()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
    }

    private static Guid Campaign(string name) => DemoSeeder.IdFor($"anytown/mindset/campaign/{name}");

    private static string LatestClosed => $"Digital mindset {Today().AddDays(-29).Year}";

    /// <summary>An open campaign of its own, with a group invited by email; returns the campaign and the invitation tokens.</summary>
    protected async Task<(Campaign Campaign, Guid GroupId, List<string> Tokens)> InvitedCampaignAsync(int invitees, DateOnly? opens = null)
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

    protected static SubmissionInput Answers(Framework framework, int value) =>
        new(framework.Features.SelectMany(f => f.Statements.Select(s => new AnswerInput(f.Number, s.Number, value))).ToList(), [new CommentInput(2, "Trust us more")]);

    private Task<int> ResponsesAsync(Guid campaignId) =>
        app.WithDbAsync(db => db.MindsetResponses.IgnoreQueryFilters().CountAsync(r => r.CampaignId == campaignId));

    protected Task<int> SubmitByTokenAsync(string token, Func<Framework, SubmissionInput> answers) => InAnytownAsync(async services =>
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
        Assert.True(results.Feature(10)!.Total!.Change(2) > 0.4m, "Small quick steps should have improved visibly.");
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

    /// <summary>A campaign that closed yesterday with nobody looking; it closes after the demo's, so it changes nothing they compare with.</summary>
    private Task<Guid> ClosedCampaignAsync(params (string Group, int People, Func<int, int, int, int> Answer)[] groups) =>
        app.CampaignWithAnswersAsync(Anytown, Today().AddDays(-10), Today().AddDays(-1), [.. groups.Select(g => new GroupAnswers(g.Group, g.People, g.Answer))]);

    private Task<ResultsView?> ResultsAsync(Guid campaignId) =>
        InAnytownAsync(s => s.GetRequiredService<ResultsService>().ResultsAsync(campaignId, CancellationToken.None));

    private Task<int> SetMinimumAsync(int size) => InAnytownAsync(async s =>
    {
        await s.GetRequiredService<MindsetSettingsService>().ChangeAsync(new MindsetSettingsInput(size), CancellationToken.None);
        return size;
    });

    [Fact]
    public async Task A_campaign_that_closed_unseen_keeps_the_minimum_and_the_names_it_closed_with()
    {
        // Five managers: just enough to be shown under the minimum of five in force when the campaign closed.
        var id = await ClosedCampaignAsync(("Managers", 5, (_, _, _) => 4), ("Staff", 20, (_, _, _) => 2));
        try
        {
            // Nobody has looked at the results yet when the minimum goes up and a group is renamed.
            await SetMinimumAsync(6);
            await InAnytownAsync(async s =>
            {
                var campaigns = s.GetRequiredService<CampaignService>();
                var managers = (await campaigns.FindAsync(id, CancellationToken.None))!.Groups.Single(g => g.Name == "Managers");
                return await campaigns.RenameGroupAsync(id, managers.Id, "Heads of service", CancellationToken.None);
            });

            var results = (await ResultsAsync(id))!.Results;
            Assert.Equal(5, results.Minimum);
            Assert.Equal(["Managers", "Staff"], results.Shown);
            Assert.Equal(4.0, results.Feature(1)!.For("Managers")!.Mean);
            Assert.DoesNotContain(results.Features.SelectMany(f => f.Groups), g => g.Group == "Heads of service");
        }
        finally
        {
            await SetMinimumAsync(5);
        }

        // And it stays so: the new name is on the campaign, the results keep the old one.
        Assert.Equal(["Managers", "Staff"], (await ResultsAsync(id))!.Results.Shown);
        Assert.Contains("Heads of service", (await InAnytownAsync(s => s.GetRequiredService<CampaignService>().FindAsync(id, CancellationToken.None)))!.Groups.Select(g => g.Name));
    }

    [Fact]
    public async Task Parallel_reads_and_a_new_minimum_publish_a_closed_campaign_once_with_the_minimum_it_closed_with()
    {
        var id = await ClosedCampaignAsync(("Managers", 5, (p, _, _) => 1 + (p % 5)), ("Staff", 20, (p, f, _) => (p + f) % 6));
        try
        {
            var reads = Enumerable.Range(0, 4).Select(_ => ResultsAsync(id)).ToList();
            var change = SetMinimumAsync(6);
            var seen = await Task.WhenAll(reads);
            await change;

            Assert.All(seen, v => Assert.Equal(5, v!.Results.Minimum));
            Assert.All(seen, v => Assert.Contains("Managers", v!.Results.Shown));
            Assert.Equal(1, await app.WithDbAsync(db => db.PublishedResults.IgnoreQueryFilters().CountAsync(p => p.CampaignId == id)));
            var first = System.Text.Json.JsonSerializer.Serialize(seen[0]!.Results);
            Assert.All(seen, v => Assert.Equal(first, System.Text.Json.JsonSerializer.Serialize(v!.Results)));
            Assert.Equal(first, System.Text.Json.JsonSerializer.Serialize((await ResultsAsync(id))!.Results));
        }
        finally
        {
            await SetMinimumAsync(5);
        }
    }

    [Fact]
    public async Task Five_respondents_of_whom_four_said_dont_know_publish_nothing_that_rests_on_the_fifth()
    {
        // Four of the five managers answer "don't know" to everything on feature 3; only the fifth gives it a score.
        var id = await ClosedCampaignAsync(
            ("Managers", 5, (p, f, _) => f == 3 && p > 0 ? 0 : 3),
            ("Staff", 30, (_, _, _) => 4),
            ("Digital", 8, (_, _, _) => 5));
        var results = (await ResultsAsync(id))!.Results;

        var risk = results.Feature(3)!;
        Assert.Null(risk.For("Managers"));
        // Held back beside them, or everyone minus Staff minus Digital would be that one manager's answers.
        Assert.Null(risk.For("Digital"));
        Assert.Equal(39, risk.Total!.Answered);
        // Their overall scores would give feature 3 away; the rest of their figures stand.
        Assert.Null(results.OverallFor("Managers"));
        Assert.Equal(3.0, results.Feature(1)!.For("Managers")!.Mean);
        Assert.Empty(results.Suppressed);
    }

    [Fact]
    public async Task Answers_racing_with_one_token_store_one_response_and_refuse_the_rest()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(2);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                await InAnytownAsync(async s =>
                {
                    var framework = await s.GetRequiredService<FrameworkService>().EnsureDefaultAsync(CancellationToken.None);
                    await s.GetRequiredService<ResponseService>().SubmitByInvitationAsync(tokens[0], Answers(framework, 3), CancellationToken.None);
                    return 0;
                });
                return null;
            }
            catch (RuleViolation violation)
            {
                return violation.Message;
            }
        }));

        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.OfType<string>(), m => Assert.Equal(Response.SpentMessage, m));
        Assert.Equal(1, await ResponsesAsync(campaign.Id));
        // The other invitation still works.
        await SubmitByTokenAsync(tokens[1], f => Answers(f, 4));
        Assert.Equal(2, await ResponsesAsync(campaign.Id));
    }

    /// <summary>The campaign's invitations as someone reading the table sees them after each write.</summary>
    private Task<Dictionary<Guid, (string TokenHash, bool Spent, string? Mark)>> InvitationRowsAsync(Guid campaignId) =>
        app.WithDbAsync(async db => (await db.Invitations.IgnoreQueryFilters().Where(i => i.CampaignId == campaignId).ToListAsync())
            .ToDictionary(i => i.Id, i => (i.TokenHash, i.Spent, i.SpentMark)));

    [Fact]
    public async Task Someone_who_sees_every_write_cannot_tell_which_invitation_an_answer_spent()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(10);
        var before = await InvitationRowsAsync(campaign.Id);
        var changed = new List<string>();
        foreach (var token in tokens)
        {
            await SubmitByTokenAsync(token, f => Answers(f, 3));
            // What a reader of the write-ahead log learns from each answer: the one row it changed.
            var after = await InvitationRowsAsync(campaign.Id);
            var row = Assert.Single(after, r => r.Value != before[r.Key]);
            Assert.Equal(Invitation.MarkOf(token), row.Value.Mark);
            changed.Add(row.Value.TokenHash);
            before = after;
        }

        // That row is one of the free ones picked at random, not the spender's own. Were it always the spender's own
        // row — as it was before — the two lists would be equal; by chance that happens once in 3,628,800 campaigns.
        Assert.NotEqual(tokens.Select(Invitation.Hash).ToList(), changed);
        Assert.All(before.Values, r => Assert.True(r.Spent));
        // Nothing of a mark matches an invitation's hash: only the token links them.
        Assert.Empty(before.Values.Select(r => r.Mark).Intersect(before.Values.Select(r => r.TokenHash)));
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
        Assert.Equal(["CampaignId", "GroupId", "Id", "OrganisationId", "Spent", "SpentMark", "TokenHash"], (await ColumnsAsync(connection, "mindset_invitations")).Select(c => c.Name).Order(StringComparer.Ordinal));

        // Spend the invitations in an order unlike the one they were stored in: nothing stored afterwards tells it.
        var before = await PhysicalOrderAsync(connection, campaign.Id);
        foreach (var token in new[] { tokens[2], tokens[0], tokens[1] })
        {
            await SubmitByTokenAsync(token, f => Answers(f, 3));
        }

        var after = await PhysicalOrderAsync(connection, campaign.Id);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite keeps a row where it is when it changes: the order is still the order they were made in.
            Assert.Equal(before.Select(r => r.Id), after.Select(r => r.Id));
        }
        else
        {
            // Every invitation carries the stamp of the last transaction, so no stamp marks when one was spent; and
            // every row is rewritten alike and stays the same size, so where PostgreSQL puts it singles none out.
            Assert.Single(after.Select(r => r.Stamp).Distinct());
            Assert.Single(after.Select(r => r.Size).Distinct());
        }

        var responses = await db.MindsetResponses.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id).ToListAsync();
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.Equal(4, r.Id.Version));
        Assert.False(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a =>
            a.EntityType == nameof(Response) || a.EntityType == nameof(Answer) || a.EntityType == nameof(FeatureComment) || a.EntityType == nameof(Invitation)));
    }

    /// <summary>The campaign's invitations in the order the engine keeps them, with PostgreSQL's transaction stamp and each row's size.</summary>
    private async Task<List<(Guid Id, string Stamp, string Size)>> PhysicalOrderAsync(DbConnection connection, Guid campaignId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = app.Provider == DatabaseProvider.Sqlite
            ? "SELECT \"Id\", '', '' FROM mindset_invitations WHERE \"CampaignId\" = @c ORDER BY rowid"
            : "SELECT \"Id\"::text, xmin::text, pg_column_size(i.*)::text FROM mindset_invitations i WHERE \"CampaignId\" = @c ORDER BY ctid";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@c";
        parameter.Value = app.Provider == DatabaseProvider.Sqlite ? campaignId.ToString().ToUpperInvariant() : campaignId;
        command.Parameters.Add(parameter);
        var rows = new List<(Guid, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        Assert.NotEmpty(rows);
        return rows;
    }
}

/// <summary>On SQLite the database is a file beside its write-ahead log: these look at the files themselves.</summary>
public sealed class MindsetOnSqlite(SqliteApp app) : MindsetTests(app), IClassFixture<SqliteApp>
{
    private string DatabaseFile => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;

    /// <summary>A file's bytes, read while SQLite has it open, as someone copying it would.</summary>
    private static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Holds(byte[] file, string text) => file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private Task<int> CheckpointAsync() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));

    [Fact]
    public async Task After_an_answer_by_invitation_the_write_ahead_log_no_longer_holds_it()
    {
        var (campaign, _, tokens) = await InvitedCampaignAsync(3);
        await SubmitByTokenAsync(tokens[1], f => Answers(f, 2));

        // The log would hold the pages of that one transaction, the spend beside the response; it was emptied into
        // the database, where rows keep no order of writing.
        var mark = Invitation.MarkOf(tokens[1]);
        var response = await app.WithDbAsync(db => db.MindsetResponses.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id).Select(r => r.Id).SingleAsync());
        var log = Read(DatabaseFile + "-wal");
        Assert.False(Holds(log, mark), "The write-ahead log still holds the spend.");
        Assert.False(Holds(log, response.ToString().ToUpperInvariant()), "The write-ahead log still holds the response.");
        Assert.True(Holds(Read(DatabaseFile), mark), "The spend should be in the database itself.");
    }

    [Fact]
    public async Task Removed_invitations_leave_nothing_in_the_database_file()
    {
        var (campaign, groupId, tokens) = await InvitedCampaignAsync(3);
        await CheckpointAsync();
        Assert.True(Holds(Read(DatabaseFile), Invitation.Hash(tokens[0])));

        await InAnytownAsync(s => s.GetRequiredService<CampaignService>().RemoveGroupAsync(campaign.Id, groupId, CancellationToken.None));
        await CheckpointAsync();

        // Deleted rows are overwritten with zeros, not left in free space for someone with a copy to read.
        var files = Read(DatabaseFile).Concat(Read(DatabaseFile + "-wal")).ToArray();
        Assert.All(tokens, t => Assert.False(Holds(files, Invitation.Hash(t)), "A removed invitation's hash is still in the file."));
    }
}

public sealed class MindsetOnPostgres(PostgresApp app) : MindsetTests(app), IClassFixture<PostgresApp>;
