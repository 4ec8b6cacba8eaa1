using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Features;

public abstract class OutcomesApiTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Waste Transformation");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<string> ErrorAsync(HttpResponseMessage response, string field) => ErrorAsync(HttpStatusCode.BadRequest, response, field);

    private static async Task<string> ErrorAsync(HttpStatusCode status, HttpResponseMessage response, string field)
    {
        Assert.Equal(status, response.StatusCode);
        return (await BodyAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private async Task<(HttpClient Leader, Guid Indicator, Guid Outcome, Guid Target)> OutcomeWithTargetAsync(string direction = "Increase", int baseline = 40, int goal = 70, string visibility = "Organisation")
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var indicator = await BodyAsync(await leader.PostAsync($"{Api}/indicators/", Json(
            $$"""{"name":"Reports made online {{Guid.NewGuid():N}}","unit":"%","direction":"{{direction}}","kind":"HowWell","cadence":"Monthly","dataSource":"CRM","teamId":"{{Team}}"}""")));
        var outcome = await BodyAsync(await leader.PostAsync($"{Api}/outcomes/", Json(
            $$"""{"teamId":"{{Team}}","title":"Most missed-bin reports made online","userNeed":"Report a missed bin quickly","doneMeans":"Seven in ten reports online","targetDate":"2027-03-31","visibility":"{{visibility}}"}""")));
        var target = await leader.PostAsync($"{Api}/outcomes/{outcome.GetProperty("id")}/targets", Json(
            $$"""{"indicatorId":"{{indicator.GetProperty("id")}}","baselineDate":"2026-04-01","baselineValue":{{baseline}},"targetDate":"2027-03-31","targetValue":{{goal}}}"""));
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        return (leader, indicator.GetProperty("id").GetGuid(), outcome.GetProperty("id").GetGuid(), (await BodyAsync(target)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_measurement_moves_the_targets_progress_and_status()
    {
        var (leader, indicator, outcome, _) = await OutcomeWithTargetAsync();
        var before = await leader.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}");
        Assert.Equal("NoData", before.GetProperty("status").GetString());
        Assert.Equal("Draft", before.GetProperty("state").GetString());

        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var recorded = await member.PostAsync($"{Api}/indicators/{indicator}/measurements", Json("""{"date":"2026-10-01","value":55}"""));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var after = await leader.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}");
        var target = after.GetProperty("targets")[0];
        Assert.Equal(0.5m, target.GetProperty("progress").GetDecimal());
        Assert.Equal(55m, target.GetProperty("latestValue").GetDecimal());
        Assert.Equal(after.GetProperty("status").GetString(), target.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_value_for_a_date_must_be_a_correction_and_the_history_keeps_both()
    {
        var (leader, indicator, _, _) = await OutcomeWithTargetAsync();
        var url = $"{Api}/indicators/{indicator}/measurements";
        (await leader.PostAsync(url, Json("""{"date":"2026-09-30","value":50,"note":"From the CRM"}"""))).EnsureSuccessStatusCode();
        Assert.Equal("There is already a value for 30 September 2026. To change it, record a correction",
            await ErrorAsync(HttpStatusCode.Conflict, await leader.PostAsync(url, Json("""{"date":"2026-09-30","value":51}""")), "date"));
        (await leader.PostAsync(url, Json("""{"date":"2026-09-30","value":51.5,"note":"Late reports","correction":true}"""))).EnsureSuccessStatusCode();

        var current = await leader.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(51.5m, Assert.Single(current.EnumerateArray()).GetProperty("value").GetDecimal());
        var history = await leader.GetFromJsonAsync<JsonElement>(url + "?history=true");
        Assert.Equal([51.5m, 50m], history.EnumerateArray().Select(m => m.GetProperty("value").GetDecimal()));
        Assert.Equal(history[1].GetProperty("id").GetString(), history[0].GetProperty("supersedesId").GetString());
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing_and_names_every_bad_row()
    {
        var (leader, indicator, _, _) = await OutcomeWithTargetAsync();
        var url = $"{Api}/indicators/{indicator}/measurements";
        var response = await leader.PostAsync(url + "/batch", Json("""
            {"measurements":[
              {"date":"2026-05-01","value":41},
              {"date":"2026-06-01"},
              {"date":"1899-12-31","value":43},
              {"date":"2026-05-01","value":44}
            ]}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.Equal(["measurements[1].value", "measurements[2].date", "measurements[3].date"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Empty((await leader.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());

        var good = await leader.PostAsync(url + "/batch", Json("""{"measurements":[{"date":"2026-05-01","value":41},{"date":"2026-06-01","value":42.5}]}"""));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(2, (await leader.GetFromJsonAsync<JsonElement>(url)).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"date":"2026-05-01","value":"lots"}""", "value")]
    [InlineData("""{"date":"not a date","value":1}""", "date")]
    public async Task A_value_or_date_that_is_not_one_is_refused_naming_the_field(string body, string field)
    {
        var (leader, indicator, _, _) = await OutcomeWithTargetAsync();
        var response = await leader.PostAsync($"{Api}/indicators/{indicator}/measurements", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_value_dated_after_today_is_refused_and_never_becomes_the_latest()
    {
        var (leader, indicator, _, _) = await OutcomeWithTargetAsync();
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        Assert.StartsWith("The date must be today or in the past",
            await ErrorAsync(await leader.PostAsync($"{Api}/indicators/{indicator}/measurements", Json($$"""{"date":"{{tomorrow}}","value":1}""")), "date"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await leader.GetFromJsonAsync<JsonElement>($"{Api}/indicators/{indicator}")).GetProperty("latestDate").ValueKind);
    }

    [Fact]
    public async Task Targets_must_move_and_end_after_they_start()
    {
        var (leader, indicator, outcome, _) = await OutcomeWithTargetAsync();
        var url = $"{Api}/outcomes/{outcome}/targets";
        Assert.Equal("The target value must differ from the baseline, unless the indicator is to be maintained", await ErrorAsync(await leader.PostAsync(url, Json(
            $$"""{"indicatorId":"{{indicator}}","baselineDate":"2026-04-01","baselineValue":40,"targetDate":"2027-03-31","targetValue":40}""")), "targetValue"));
        Assert.Equal("The target date must be after the baseline date", await ErrorAsync(await leader.PostAsync(url, Json(
            $$"""{"indicatorId":"{{indicator}}","baselineDate":"2026-04-01","baselineValue":40,"targetDate":"2026-01-31","targetValue":70}""")), "targetDate"));

        var othertonIndicator = Guid.NewGuid();
        Assert.Equal("Choose an indicator of this organisation", await ErrorAsync(await leader.PostAsync(url, Json(
            $$"""{"indicatorId":"{{othertonIndicator}}","baselineDate":"2026-04-01","baselineValue":40,"targetDate":"2027-03-31","targetValue":70}""")), "indicatorId"));
    }

    [Fact]
    public async Task A_rebaseline_needs_a_reason_and_keeps_the_old_target()
    {
        var (leader, _, outcome, target) = await OutcomeWithTargetAsync();
        var url = $"{Api}/outcomes/{outcome}/targets/{target}";
        using var noReason = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("""{"baselineDate":"2027-04-01","baselineValue":58,"targetDate":"2028-03-31","targetValue":75}""") };
        noReason.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal("Enter the reason for moving the target", await ErrorAsync(await leader.SendAsync(noReason), "reason"));

        using var moved = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("""{"baselineDate":"2027-04-01","baselineValue":58,"targetDate":"2028-03-31","targetValue":75,"reason":"Carried into 2027/28"}""") };
        moved.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        var response = await leader.SendAsync(moved);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(75m, (await BodyAsync(response)).GetProperty("targetValue").GetDecimal());
        var revision = await app.WithDbAsync(db => db.TargetRevisions.IgnoreQueryFilters().SingleAsync(r => r.TargetId == target));
        Assert.Equal((70m, "Carried into 2027/28"), (revision.PreviousTargetValue, revision.Reason));
    }

    [Fact]
    public async Task An_outcome_moves_only_to_an_allowed_state_and_says_why_not()
    {
        var (leader, _, outcome, _) = await OutcomeWithTargetAsync();
        var read = await leader.GetAsync($"{Api}/outcomes/{outcome}");
        using var jump = new HttpRequestMessage(HttpMethod.Put, $"{Api}/outcomes/{outcome}/state") { Content = Json("""{"state":"Achieved"}""") };
        jump.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal("An outcome that is Draft can only become Agreed or Retired, not Achieved", await ErrorAsync(await leader.SendAsync(jump), "state"));

        using var agree = new HttpRequestMessage(HttpMethod.Put, $"{Api}/outcomes/{outcome}/state") { Content = Json("""{"state":"Agreed"}""") };
        agree.Headers.IfMatch.Add(read.Headers.ETag!);
        var agreed = await leader.SendAsync(agree);
        Assert.Equal("Agreed", (await BodyAsync(agreed)).GetProperty("state").GetString());
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid outcome, string body)
    {
        using var move = new HttpRequestMessage(HttpMethod.Put, $"{Api}/outcomes/{outcome}/state") { Content = Json(body) };
        move.Headers.IfMatch.Add((await client.GetAsync($"{Api}/outcomes/{outcome}")).Headers.ETag!);
        return await client.SendAsync(move);
    }

    [Fact]
    public async Task Marking_an_outcome_achieved_while_a_target_is_off_track_needs_a_reason_kept_with_the_change()
    {
        var (leader, indicator, outcome, _) = await OutcomeWithTargetAsync();
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(leader, outcome, """{"state":"Agreed","reason":"Signed off by the service manager"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(leader, outcome, """{"state":"Active"}""")).StatusCode);
        // Below the baseline of 40, yesterday: off track by the dashboard's rules.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await leader.PostAsync($"{Api}/indicators/{indicator}/measurements", Json($$"""{"date":"{{yesterday}}","value":35}"""))).EnsureSuccessStatusCode();
        var name = (await leader.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}")).GetProperty("targets")[0];
        Assert.Equal("OffTrack", name.GetProperty("status").GetString());
        var indicatorName = name.GetProperty("indicatorName").GetString();

        async Task<int> ChangesAsync() => await app.WithDbAsync(db => db.OutcomeStateChanges.IgnoreQueryFilters().CountAsync(c => c.OutcomeId == outcome));
        Assert.Equal(2, await ChangesAsync());
        foreach (var body in new[] { """{"state":"Achieved"}""", """{"state":"Achieved","reason":"  "}""" })
        {
            Assert.Equal($"Enter why this outcome is achieved while its target for {indicatorName} is off track", await ErrorAsync(await MoveAsync(leader, outcome, body), "reason"));
        }

        Assert.Equal("Active", (await leader.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}")).GetProperty("state").GetString());
        Assert.Equal(2, await ChangesAsync());

        // Missing it needs no reason; achieving it with one is kept, beside the target that was off track.
        var achieved = await MoveAsync(leader, outcome, """{"state":"Achieved","reason":"Seven in ten reports were online in March; the count fell when the CRM changed"}""");
        Assert.Equal("Achieved", (await BodyAsync(achieved)).GetProperty("state").GetString());
        var history = (await leader.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/{outcome}/state-changes")).EnumerateArray().ToList();
        Assert.Equal([("Draft", "Agreed", "Signed off by the service manager"), ("Agreed", "Active", null), ("Active", "Achieved", "Seven in ten reports were online in March; the count fell when the CRM changed")],
            history.Select(c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString(), c.GetProperty("reason").GetString())));
        Assert.Equal([indicatorName], history[2].GetProperty("offTrackTargets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(("Jordan Lee", DemoSeeder.IdFor("leader@anytown.example")), (history[2].GetProperty("by").GetString(), history[2].GetProperty("byId").GetGuid()));
        Assert.Empty(history[1].GetProperty("offTrackTargets").EnumerateArray());
    }

    [Fact]
    public async Task Missing_an_outcome_whose_target_is_off_track_needs_no_reason()
    {
        var (leader, indicator, outcome, _) = await OutcomeWithTargetAsync();
        await MoveAsync(leader, outcome, """{"state":"Agreed"}""");
        await MoveAsync(leader, outcome, """{"state":"Active"}""");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await leader.PostAsync($"{Api}/indicators/{indicator}/measurements", Json($$"""{"date":"{{yesterday}}","value":35}"""))).EnsureSuccessStatusCode();
        Assert.Equal("Missed", (await BodyAsync(await MoveAsync(leader, outcome, """{"state":"Missed"}"""))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_new_measurement_does_not_make_an_edit_of_the_definition_look_stale()
    {
        var (leader, indicator, outcome, _) = await OutcomeWithTargetAsync();
        var read = await leader.GetAsync($"{Api}/outcomes/{outcome}");
        (await leader.PostAsync($"{Api}/indicators/{indicator}/measurements", Json("""{"date":"2026-07-01","value":45}"""))).EnsureSuccessStatusCode();

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"{Api}/outcomes/{outcome}") { Content = Json(
            $$"""{"teamId":"{{Team}}","title":"Most reports made online","userNeed":"Report a missed bin quickly","doneMeans":"Seven in ten reports online","targetDate":"2027-03-31","visibility":"Organisation"}""") };
        edit.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await leader.SendAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task A_private_outcome_is_hidden_from_viewers_but_not_from_members()
    {
        var (_, _, outcome, _) = await OutcomeWithTargetAsync(visibility: "Private");
        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example", TokenScope.Read);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"{Api}/outcomes/{outcome}")).StatusCode);
        var list = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/outcomes/");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == outcome);

        var member = await app.ApiClientAsync("anytown", "member@anytown.example", TokenScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Api}/outcomes/{outcome}")).StatusCode);
    }

    [Fact]
    public async Task An_indicator_with_targets_cannot_turn_round()
    {
        var (leader, indicator, _, _) = await OutcomeWithTargetAsync();
        var url = $"{Api}/indicators/{indicator}";
        var read = await leader.GetAsync(url);
        var current = await BodyAsync(read);
        using var turn = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(
            $$"""{"name":"{{current.GetProperty("name").GetString()}}","unit":"%","direction":"Decrease","kind":"HowWell","cadence":"Monthly","teamId":"{{Team}}"}""") };
        turn.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.StartsWith("Outcomes have set targets on this indicator", await ErrorAsync(await leader.SendAsync(turn), "direction"), StringComparison.Ordinal);
        Assert.Equal("Increase", (await leader.GetFromJsonAsync<JsonElement>(url)).GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Indicator_definitions_are_checked_field_by_field()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        Assert.Equal("Unit must be 20 characters or fewer", await ErrorAsync(await leader.PostAsync($"{Api}/indicators/", Json(
            $$"""{"name":"Long unit","unit":"{{new string('u', 21)}}","direction":"Increase","kind":"HowMuch","cadence":"Weekly","teamId":"{{Team}}"}""")), "unit"));
        Assert.Equal("Choose either the team or the service that owns this indicator", await ErrorAsync(await leader.PostAsync($"{Api}/indicators/", Json(
            """{"name":"No owner","unit":"%","direction":"Increase","kind":"HowMuch","cadence":"Weekly"}""")), "owner"));
        Assert.Equal("Choose a team of this organisation", await ErrorAsync(await leader.PostAsync($"{Api}/indicators/", Json(
            $$"""{"name":"Foreign team","unit":"%","direction":"Increase","kind":"HowMuch","cadence":"Weekly","teamId":"{{DemoSeeder.IdFor("otherton/team/Digital")}}"}""")), "teamId"));
    }
}

public sealed class OutcomesApiOnSqlite(SqliteApp app) : OutcomesApiTests(app), IClassFixture<SqliteApp>;

public sealed class OutcomesApiOnPostgres(PostgresApp app) : OutcomesApiTests(app), IClassFixture<PostgresApp>;
