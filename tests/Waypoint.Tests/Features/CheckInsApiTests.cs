using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Tests.Features;

public abstract class CheckInsApiTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Customer Contact");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A fresh active outcome, so that each test has its own week of check-ins.</summary>
    private async Task<Guid> ActiveOutcomeAsync(Visibility visibility = Visibility.Organisation, OutcomeState state = OutcomeState.Active)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        var outcome = new Outcome(Guid.NewGuid(), Anytown, Team, $"Check-in test {Guid.NewGuid():N}", "A need", "Done", new DateOnly(2027, 6, 30), null, visibility, DateTimeOffset.UtcNow);
        foreach (var next in new[] { OutcomeState.Agreed, OutcomeState.Active, state }.Distinct().Where(s => s != OutcomeState.Draft))
        {
            outcome.MoveTo(next, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        }

        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync();
        return outcome.Id;
    }

    private static Task<string> ErrorAsync(HttpResponseMessage response, string field) => ErrorAsync(HttpStatusCode.BadRequest, response, field);

    private static async Task<string> ErrorAsync(HttpStatusCode status, HttpResponseMessage response, string field)
    {
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_member_checks_in_once_a_week_and_an_edit_keeps_the_history()
    {
        var outcome = await ActiveOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/outcomes/{outcome}/check-ins";

        var first = await member.PostAsync(url, Json("""{"confidence":70,"progress":"Online form live for two wards","asks":"A content designer"}"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("You have already checked in on this outcome this period. Change that check-in instead",
            await ErrorAsync(HttpStatusCode.Conflict, await member.PostAsync(url, Json("""{"confidence":60,"progress":"Again"}""")), "progress"));
        var edit = await member.PostAsync(url, Json("""{"confidence":60,"progress":"Ward three slipped a week","edit":true}"""));
        Assert.Equal(HttpStatusCode.Created, edit.StatusCode);

        var history = await member.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal([(60, false), (70, true)], history.EnumerateArray().Select(c => (c.GetProperty("confidence").GetInt32(), c.GetProperty("superseded").GetBoolean())));
        Assert.Equal("Casey Brown", history[0].GetProperty("author").GetString());
    }

    [Theory]
    [InlineData("""{"confidence":50.5,"progress":"Half"}""", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    [InlineData("""{"confidence":101,"progress":"Sure"}""", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    [InlineData("""{"progress":"No confidence"}""", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    [InlineData("""{"confidence":40,"progress":"  "}""", "progress", "Enter a few sentences on progress")]
    public async Task Bad_check_ins_are_refused_naming_the_field_and_nothing_is_written(string body, string field, string message)
    {
        var outcome = await ActiveOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        Assert.Equal(message, await ErrorAsync(await member.PostAsync($"{Api}/outcomes/{outcome}/check-ins", Json(body)), field));
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckIns.IgnoreQueryFilters().CountAsync(c => c.OutcomeId == outcome)));
    }

    [Fact]
    public async Task A_retired_outcome_takes_no_check_ins_and_a_viewer_posts_none()
    {
        var retired = await ActiveOutcomeAsync(state: OutcomeState.Retired);
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        Assert.Equal("This outcome is Retired: it takes no more check-ins",
            await ErrorAsync(await member.PostAsync($"{Api}/outcomes/{retired}/check-ins", Json("""{"confidence":10,"progress":"Late"}""")), "outcomeId"));

        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Api}/outcomes/{await ActiveOutcomeAsync()}/check-ins", Json("""{"confidence":10,"progress":"Hi"}"""))).StatusCode);
    }

    [Fact]
    public async Task The_due_list_shows_open_outcomes_until_checked_in()
    {
        var outcome = await ActiveOutcomeAsync();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var before = await leader.GetFromJsonAsync<JsonElement>($"{Api}/check-ins/due");
        Assert.Contains(before.EnumerateArray(), d => d.GetProperty("outcomeId").GetGuid() == outcome);

        (await leader.PostAsync($"{Api}/outcomes/{outcome}/check-ins", Json("""{"confidence":80,"progress":"On plan"}"""))).EnsureSuccessStatusCode();
        var after = await leader.GetFromJsonAsync<JsonElement>($"{Api}/check-ins/due");
        Assert.DoesNotContain(after.EnumerateArray(), d => d.GetProperty("outcomeId").GetGuid() == outcome);
    }

    /// <summary>
    /// The Brier score worked out here from the check-ins as the API lists them (standing ones only), independently of
    /// Core: per outcome, the mean of that outcome's squared errors, then the mean over outcomes; or pooled, the mean
    /// over every forecast.
    /// </summary>
    private static async Task<(double PerOutcome, double Pooled, int Forecasts)> RecomputeAsync(HttpClient client, IEnumerable<Guid> outcomes)
    {
        var errors = new List<List<double>>();
        foreach (var outcome in outcomes)
        {
            var achieved = (await client.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}")).GetProperty("state").GetString() == "Achieved";
            var standing = (await client.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}/check-ins")).EnumerateArray()
                .Where(c => !c.GetProperty("superseded").GetBoolean())
                .Select(c => Math.Pow((c.GetProperty("confidence").GetInt32() / 100.0) - (achieved ? 1 : 0), 2))
                .ToList();
            errors.Add(standing);
        }

        return (errors.Average(e => e.Average()), errors.SelectMany(e => e).Average(), errors.Sum(e => e.Count));
    }

    [Fact]
    public async Task Calibration_judges_only_on_enough_resolved_outcomes_weighs_each_the_same_and_can_be_pooled()
    {
        // A team of its own, so that only this test's forecasts are scored.
        var team = await app.CreateTeamAsync();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        async Task<JsonElement> ScoreAsync(string weighting = "") => await leader.GetFromJsonAsync<JsonElement>($"{Api}/calibration?team={team}{weighting}");

        // Two outcomes with six weekly check-ins each: twelve forecasts, enough by count, but only two results.
        var achieved = await app.CreateOutcomeAsync(team: team);
        var missed = await app.CreateOutcomeAsync(team: team);
        await app.CheckInAsync(achieved, TestData.Member, 80, 80, 80, 80, 80, 80);
        await app.CheckInAsync(missed, TestData.Member, 80, 80, 80, 80, 80, 80);
        await app.ResolveAsync(achieved, OutcomeState.Achieved);
        await app.ResolveAsync(missed, OutcomeState.Missed);

        var two = await ScoreAsync();
        Assert.Equal((12, 2, 10, 5, false, "PerOutcome"), (two.GetProperty("resolvedForecasts").GetInt32(), two.GetProperty("resolvedOutcomes").GetInt32(),
            two.GetProperty("minimumForecasts").GetInt32(), two.GetProperty("minimumOutcomes").GetInt32(), two.GetProperty("canJudge").GetBoolean(), two.GetProperty("weighting").GetString()));
        Assert.Equal(JsonValueKind.Null, two.GetProperty("brier").ValueKind);
        Assert.Empty(two.GetProperty("table").EnumerateArray());

        // Three short outcomes make five. One was checked in on through the API this week and then edited: the edit counts.
        var quick = await app.CreateOutcomeAsync(team: team);
        var slipped = await app.CreateOutcomeAsync(team: team);
        var edited = await app.CreateOutcomeAsync(team: team);
        await app.CheckInAsync(quick, TestData.Member, 60);
        await app.CheckInAsync(slipped, TestData.Member, 30, 40);
        (await member.PostAsync($"{Api}/outcomes/{edited}/check-ins", Json("""{"confidence":50,"progress":"Half way"}"""))).EnsureSuccessStatusCode();
        (await member.PostAsync($"{Api}/outcomes/{edited}/check-ins", Json("""{"confidence":90,"progress":"Nearly there","edit":true}"""))).EnsureSuccessStatusCode();
        await app.ResolveAsync(quick, OutcomeState.Achieved);
        await app.ResolveAsync(slipped, OutcomeState.Missed);
        await app.ResolveAsync(edited, OutcomeState.Achieved);

        var (perOutcome, pooled, forecasts) = await RecomputeAsync(leader, [achieved, missed, quick, slipped, edited]);
        var score = await ScoreAsync();
        Assert.True(score.GetProperty("canJudge").GetBoolean());
        Assert.Equal((forecasts, 16, 5), (score.GetProperty("resolvedForecasts").GetInt32(), forecasts, score.GetProperty("resolvedOutcomes").GetInt32()));
        // By hand: (0.04 + 0.64 + 0.16 + (0.09 + 0.16) / 2 + 0.01) / 5 = 0.195; pooled, 4.5 / 16 = 0.28125.
        Assert.Equal(0.195, perOutcome, 12);
        Assert.Equal(perOutcome, score.GetProperty("brier").GetDouble(), 9);
        var parts = score.GetProperty("reliability").GetDouble() - score.GetProperty("resolution").GetDouble() + score.GetProperty("uncertainty").GetDouble();
        Assert.Equal(perOutcome, parts, 9);
        var band = score.GetProperty("table").EnumerateArray().Single(b => b.GetProperty("fromPercent").GetInt32() == 80);
        Assert.Equal((12, 2), (band.GetProperty("count").GetInt32(), band.GetProperty("outcomes").GetInt32()));
        Assert.Equal(0.5, band.GetProperty("observedFrequency").GetDouble(), 12);

        var all = await ScoreAsync("&weighting=Pooled");
        Assert.Equal("Pooled", all.GetProperty("weighting").GetString());
        Assert.Equal(0.28125, pooled, 12);
        Assert.Equal(pooled, all.GetProperty("brier").GetDouble(), 9);
        Assert.Equal((16, 5), (all.GetProperty("resolvedForecasts").GetInt32(), all.GetProperty("resolvedOutcomes").GetInt32()));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Heavy")]
    public async Task A_weighting_that_is_not_one_of_the_two_is_refused_naming_it(string weighting)
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        Assert.NotEmpty(await ErrorAsync(await leader.GetAsync($"{Api}/calibration?weighting={weighting}"), "weighting"));
    }
}

public sealed class CheckInsApiOnSqlite(SqliteApp app) : CheckInsApiTests(app), IClassFixture<SqliteApp>;

public sealed class CheckInsApiOnPostgres(PostgresApp app) : CheckInsApiTests(app), IClassFixture<PostgresApp>;
