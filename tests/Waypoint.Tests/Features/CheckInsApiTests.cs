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

    [Fact]
    public async Task Calibration_waits_for_ten_resolved_forecasts_then_scores_them()
    {
        // A person new to forecasting gives twelve weekly confidences on two outcomes that then resolve.
        var email = $"forecaster-{Guid.NewGuid():N}@anytown.example";
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var added = await admin.PostAsync($"{Api}/members/", Json($$"""{"email":"{{email}}","displayName":"Fore Caster","role":"Member"}"""));
        var person = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("userId").GetGuid();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");

        async Task<JsonElement> ScoreAsync() => await leader.GetFromJsonAsync<JsonElement>($"{Api}/calibration?person={person}");

        var achieved = await ActiveOutcomeAsync();
        var missed = await ActiveOutcomeAsync();
        await app.WithDbAsync(async db =>
        {
            db.Scope.EnterOrganisation(Anytown);
            var outcomes = await db.Outcomes.Where(o => o.Id == achieved || o.Id == missed).ToListAsync();
            var monday = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
            for (var week = 0; week < 6; week++)
            {
                foreach (var outcome in outcomes)
                {
                    // 80 % on the one that is achieved, 80 % on the one that is missed: over-confident half the time.
                    db.CheckIns.Add(CheckIn.Post(outcome, person, CheckInCadence.Weekly, 80, $"Week {week}", null, null, false, null, DateOnly.FromDateTime(monday.AddDays(7 * week).UtcDateTime), monday.AddDays(7 * week)));
                }
            }

            return await db.SaveChangesAsync();
        });

        var unresolved = await ScoreAsync();
        Assert.Equal(0, unresolved.GetProperty("resolvedForecasts").GetInt32());
        Assert.False(unresolved.GetProperty("canJudge").GetBoolean());

        await app.WithDbAsync(async db =>
        {
            db.Scope.EnterOrganisation(Anytown);
            (await db.Outcomes.SingleAsync(o => o.Id == achieved)).MoveTo(OutcomeState.Achieved, [], null, Guid.Empty, DateTimeOffset.UtcNow);
            (await db.Outcomes.SingleAsync(o => o.Id == missed)).MoveTo(OutcomeState.Missed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var score = await ScoreAsync();
        Assert.Equal(12, score.GetProperty("resolvedForecasts").GetInt32());
        Assert.True(score.GetProperty("canJudge").GetBoolean());
        // Six (0.8 - 1)^2 = 0.04 and six (0.8 - 0)^2 = 0.64: Brier (6 * 0.04 + 6 * 0.64) / 12 = 0.34.
        Assert.Equal(0.34, score.GetProperty("brier").GetDouble(), 9);
        var band = Assert.Single(score.GetProperty("table").EnumerateArray());
        Assert.Equal((80, 12, 0.5), (band.GetProperty("fromPercent").GetInt32(), band.GetProperty("count").GetInt32(), band.GetProperty("observedFrequency").GetDouble()));
    }
}

public sealed class CheckInsApiOnSqlite(SqliteApp app) : CheckInsApiTests(app), IClassFixture<SqliteApp>;

public sealed class CheckInsApiOnPostgres(PostgresApp app) : CheckInsApiTests(app), IClassFixture<PostgresApp>;
