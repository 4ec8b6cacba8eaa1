using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Tests.Features;

public abstract class StepsApiTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Digital Services");
    private static readonly Guid Indicator = DemoSeeder.IdFor("anytown/indicator/Services with a user-tested online route");
    private static readonly Guid Member = DemoSeeder.IdFor("member@anytown.example");
    private static readonly Guid Leader = DemoSeeder.IdFor("leader@anytown.example");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await BodyAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private async Task<Guid> OpenOutcomeAsync()
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        var outcome = new Outcome(Guid.NewGuid(), Anytown, Team, $"Steps test {Guid.NewGuid():N}", "A need", "Done", new DateOnly(2027, 6, 30), null, Visibility.Organisation, DateTimeOffset.UtcNow);
        outcome.MoveTo(OutcomeState.Agreed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        outcome.MoveTo(OutcomeState.Active, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync();
        return outcome.Id;
    }

    private static string StepJson(Guid outcome, string title = "Text reminder before collection", string start = "2026-11-30", string due = "2026-12-11", string? boxOverride = null, Guid? owner = null) =>
        $$"""
        {"outcomeId":"{{outcome}}","title":"{{title}}","change":"send a text the evening before","indicatorId":"{{Indicator}}",
         "expectedEffect":"up by one service","because":"people forget","owners":["{{owner ?? Member}}"],
         "startDate":"{{start}}","dueDate":"{{due}}"{{(boxOverride is null ? "" : $",\"boxOverrideReason\":\"{boxOverride}\"")}}}
        """;

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(json) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    /// <summary>PUTs with the step's current ETag, as a well-behaved client does.</summary>
    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid step, string path, string json)
    {
        var current = await client.GetAsync($"{Api}/steps/{step}");
        return await PutAsync(client, $"{Api}/steps/{step}{path}", json, current.Headers.ETag!.Tag);
    }

    private async Task<Guid> ProposeAsync(HttpClient client, Guid outcome, string? title = null)
    {
        var created = await client.PostAsync($"{Api}/steps/", Json(StepJson(outcome, title ?? $"Step {Guid.NewGuid():N}")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await BodyAsync(created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_step_above_appetite_goes_from_idea_to_done_through_a_leaders_sign_off()
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var step = await ProposeAsync(member, outcome);

        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(member, step, "/status", """{"status":"Ready"}""")).StatusCode);
        Assert.Equal("Assess the step's risk before starting it", await ErrorAsync(await ChangeAsync(member, step, "/status", """{"status":"Doing"}"""), "status"));

        // Information is Minimal in Anytown (highest acceptable score 5); 4 × 4 = 16 needs a sign-off.
        var assessed = await BodyAsync(await ChangeAsync(member, step, "/risk", """{"category":"information","likelihood":4,"impact":4,"reversibility":"Costly","mitigations":"One ward first"}"""));
        Assert.Equal("Waiting", assessed.GetProperty("signOff").GetString());
        Assert.Equal(("Information", 16, "Minimal"), (assessed.GetProperty("risk").GetProperty("category").GetString(), assessed.GetProperty("risk").GetProperty("score").GetInt32(), assessed.GetProperty("risk").GetProperty("appetite").GetString()));
        var doing = assessed.GetProperty("moves").EnumerateArray().Single(m => m.GetProperty("to").GetString() == "Doing");
        Assert.Equal((false, "This step's risk is above appetite: it is waiting for a leader to sign it off"), (doing.GetProperty("possible").GetBoolean(), doing.GetProperty("reason").GetString()));
        Assert.Equal("This step's risk is above appetite: it is waiting for a leader to sign it off", await ErrorAsync(await ChangeAsync(member, step, "/status", """{"status":"Doing"}"""), "status"));

        // The member cannot sign off at all; the leader can, with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await ChangeAsync(member, step, "/decision", """{"approve":true,"reason":"Me"}""")).StatusCode);
        Assert.Equal("Enter the reason for your decision", await ErrorAsync(await ChangeAsync(leader, step, "/decision", """{"approve":true}"""), "reason"));
        var approved = await BodyAsync(await ChangeAsync(leader, step, "/decision", """{"approve":true,"reason":"The data protection officer agreed the pilot"}"""));
        Assert.Equal(("Approved", "Jordan Lee"), (approved.GetProperty("signOff").GetString(), approved.GetProperty("decidedByName").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(member, step, "/status", """{"status":"Doing"}""")).StatusCode);
        Assert.Equal("Write up what was learned before closing the step", await ErrorAsync(await ChangeAsync(member, step, "/status", """{"status":"Done"}"""), "status"));
        var learning = await PutAsync(member, $"{Api}/steps/{step}/learning", """{"whatHappened":"Residents used it","evidence":"Reports up 4 points","nextSteps":"Roll out","isPublic":true}""", null);
        Assert.Equal(HttpStatusCode.OK, learning.StatusCode);
        var done = await BodyAsync(await ChangeAsync(member, step, "/status", """{"status":"Done"}"""));
        Assert.Equal("Done", done.GetProperty("status").GetString());
        Assert.Equal(0, done.GetProperty("moves").GetArrayLength());

        var aftermath = await BodyAsync(await ChangeAsync(member, step, "/aftermath", """{"materialised":true,"impact":2}"""));
        Assert.Equal(2, aftermath.GetProperty("materialisedImpact").GetInt32());

        // Every decision is in the audit trail, with who made it.
        var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == step.ToString()).OrderBy(a => a.At).ToListAsync());
        Assert.Contains(audit, a => a.ActorName == "Jordan Lee" && a.After!.Contains("Approved", StringComparison.Ordinal) && a.After.Contains("The data protection officer agreed the pilot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Within_appetite_a_step_is_approved_at_once_and_needs_no_sign_off()
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var step = await ProposeAsync(member, outcome);
        await ChangeAsync(member, step, "/status", """{"status":"Ready"}""");

        var assessed = await BodyAsync(await ChangeAsync(member, step, "/risk", """{"category":"Technology","likelihood":2,"impact":3,"reversibility":"Reversible"}"""));
        Assert.Equal("WithinAppetite", assessed.GetProperty("signOff").GetString());
        Assert.True(assessed.GetProperty("decidedAt").ValueKind == JsonValueKind.String);
        Assert.Equal("This step is within appetite and needs no sign-off", await ErrorAsync(await ChangeAsync(leader, step, "/decision", """{"approve":true,"reason":"Sure"}"""), "decision"));
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(member, step, "/status", """{"status":"Doing"}""")).StatusCode);
    }

    [Fact]
    public async Task A_leader_cannot_sign_off_their_own_step()
    {
        var outcome = await OpenOutcomeAsync();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var created = await leader.PostAsync($"{Api}/steps/", Json(StepJson(outcome, owner: Leader)));
        var step = (await BodyAsync(created)).GetProperty("id").GetGuid();
        await ChangeAsync(leader, step, "/risk", """{"category":"Security","likelihood":3,"impact":3,"reversibility":"Irreversible"}""");
        Assert.Equal("You own this step, so someone else must sign it off", await ErrorAsync(await ChangeAsync(leader, step, "/decision", """{"approve":true,"reason":"Mine"}"""), "decision"));
        Assert.Equal("Waiting", (await member(leader, step)).GetProperty("signOff").GetString());

        static async Task<JsonElement> member(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"{Api}/steps/{id}");
    }

    [Theory]
    [InlineData("""{"category":"People","likelihood":6,"impact":2,"reversibility":"Reversible"}""", "likelihood", "Choose a likelihood from 1 (rare) to 5 (almost certain)")]
    [InlineData("""{"category":"People","likelihood":2,"impact":0,"reversibility":"Reversible"}""", "impact", "Choose an impact from 1 (negligible) to 5 (severe)")]
    [InlineData("""{"category":"Weather","likelihood":2,"impact":2,"reversibility":"Reversible"}""", "category", "Choose one of the organisation's risk categories")]
    public async Task A_bad_risk_assessment_is_refused_naming_the_field_and_changes_nothing(string body, string field, string message)
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var step = await ProposeAsync(member, outcome);
        Assert.StartsWith(message, await ErrorAsync(await ChangeAsync(member, step, "/risk", body), field), StringComparison.Ordinal);
        var after = await member.GetFromJsonAsync<JsonElement>($"{Api}/steps/{step}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("risk").ValueKind);
        Assert.Equal("None", after.GetProperty("signOff").GetString());
    }

    [Fact]
    public async Task Bad_plans_are_refused_with_a_clear_reason_and_nothing_is_stored()
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var otherton = await app.ApiClientAsync("otherton", "admin@otherton.example");
        var othertonTeam = DemoSeeder.IdFor("otherton/team/Digital");
        var foreign = await otherton.PostAsync("/api/v1/orgs/otherton/outcomes/", Json(
            $$"""{"teamId":"{{othertonTeam}}","title":"Otherton's own","userNeed":"A need","doneMeans":"Done","targetDate":"2027-03-31","visibility":"Organisation"}"""));
        var foreignOutcome = (await BodyAsync(foreign)).GetProperty("id").GetGuid();

        Assert.Equal("The due date must be on or after the start date",
            await ErrorAsync(await member.PostAsync($"{Api}/steps/", Json(StepJson(outcome, start: "2026-12-10", due: "2026-12-01"))), "dueDate"));
        Assert.Equal("Choose an outcome of this organisation for the step to work toward",
            await ErrorAsync(await member.PostAsync($"{Api}/steps/", Json(StepJson(foreignOutcome))), "outcomeId"));
        Assert.StartsWith("This step is planned for 15 working days, more than the 10 a step may take. Split it into smaller steps",
            await ErrorAsync(await member.PostAsync($"{Api}/steps/", Json(StepJson(outcome, start: "2026-11-30", due: "2026-12-18"))), "dueDate"), StringComparison.Ordinal);
        Assert.StartsWith("Only a leader can let a step run longer than the box",
            await ErrorAsync(await member.PostAsync($"{Api}/steps/", Json(StepJson(outcome, start: "2026-11-30", due: "2026-12-18", boxOverride: "Please"))), "boxOverrideReason"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().CountAsync(s => s.OutcomeId == outcome)));

        var allowed = await leader.PostAsync($"{Api}/steps/", Json(StepJson(outcome, start: "2026-11-30", due: "2026-12-18", boxOverride: "The supplier releases every three weeks")));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var body = await BodyAsync(allowed);
        Assert.Equal((15, "The supplier releases every three weeks"), (body.GetProperty("workingDays").GetInt32(), body.GetProperty("boxOverrideReason").GetString()));
    }

    [Fact]
    public async Task Changes_need_the_etag_last_read()
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var step = await ProposeAsync(member, outcome);
        var read = await member.GetAsync($"{Api}/steps/{step}");
        var etag = read.Headers.ETag!.Tag;

        Assert.Equal((HttpStatusCode)428, (await PutAsync(member, $"{Api}/steps/{step}/status", """{"status":"Ready"}""", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(member, $"{Api}/steps/{step}/status", """{"status":"Ready"}""", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(member, $"{Api}/steps/{step}", StepJson(outcome, "Renamed"), etag)).StatusCode);
        Assert.Equal("Ready", (await member.GetFromJsonAsync<JsonElement>($"{Api}/steps/{step}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Learning_is_found_by_words_in_any_of_its_fields_and_only_in_its_own_organisation()
    {
        var outcome = await OpenOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var step = await ProposeAsync(member, outcome, "Kerbside pilot");
        var written = await PutAsync(member, $"{Api}/steps/{step}/learning",
            """{"whatHappened":"The zephyrine reminders confused older residents","evidence":"See the quillback dashboard for figures","nextSteps":"Try a marmoset leaflet instead"}""", null);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        foreach (var query in new[] { "zephyrine", "quillback dashboard", "MARMOSET", "reminder zephyrine", "leaflets marmoset" })
        {
            var found = await member.GetFromJsonAsync<JsonElement>($"{Api}/learning?q={Uri.EscapeDataString(query)}");
            Assert.Contains(found.GetProperty("items").EnumerateArray(), l => l.GetProperty("stepId").GetGuid() == step);
        }

        // Every word must match; search syntax is taken as plain words, never as an error.
        var none = await member.GetFromJsonAsync<JsonElement>($"{Api}/learning?q=zephyrine%20walrus");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        foreach (var odd in new[] { "\"zephyrine", "zephyrine*", "NEAR(zephyrine", "whatHappened:zephyrine", "' OR 1=1 --" })
        {
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Api}/learning?q={Uri.EscapeDataString(odd)}")).StatusCode);
        }

        var otherton = await app.ApiClientAsync("otherton", "admin@otherton.example");
        var elsewhere = await otherton.GetFromJsonAsync<JsonElement>("/api/v1/orgs/otherton/learning?q=zephyrine");
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());

        // An improved write-up is found by its new words, not its old ones.
        var current = await member.GetAsync($"{Api}/steps/{step}/learning");
        await PutAsync(member, $"{Api}/steps/{step}/learning", """{"whatHappened":"Residents preferred the ocelot letter","evidence":"Survey","nextSteps":"Send letters"}""", current.Headers.ETag!.Tag);
        Assert.Equal(0, (await member.GetFromJsonAsync<JsonElement>($"{Api}/learning?q=zephyrine")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await member.GetFromJsonAsync<JsonElement>($"{Api}/learning?q=ocelot")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Demo_learning_is_searchable_from_the_start()
    {
        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example");
        var found = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/learning?q=contractor");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), l => l.GetProperty("whatHappened").GetString()!.Contains("contractor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaders_set_the_appetite_and_a_bad_scale_changes_nothing()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var read = await leader.GetAsync($"{Api}/risk-appetite");
        var rules = await BodyAsync(read);
        Assert.Equal(13, rules.GetProperty("appetites").GetArrayLength());
        Assert.Equal(10, rules.GetProperty("maximumWorkingDays").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(member, $"{Api}/risk-appetite", """{"maximumWorkingDays":20}""", "*")).StatusCode);
        Assert.Equal("Minimal must accept at least as much as Averse",
            await ErrorAsync(await PutAsync(leader, $"{Api}/risk-appetite", """{"maximumWorkingDays":12,"scale":{"averse":6,"minimal":5,"cautious":8,"open":12,"eager":16}}""", read.Headers.ETag!.Tag), "scale"));
        Assert.Equal("Enter the longest a step may take, from 1 to 60 working days",
            await ErrorAsync(await PutAsync(leader, $"{Api}/risk-appetite", """{"maximumWorkingDays":0}""", read.Headers.ETag!.Tag), "maximumWorkingDays"));
        Assert.Equal(10, (await leader.GetFromJsonAsync<JsonElement>($"{Api}/risk-appetite")).GetProperty("maximumWorkingDays").GetInt32());

        // Project moves from Open to Eager; every other category stays as it was.
        var appetites = rules.GetProperty("appetites").EnumerateArray()
            .Select(a => new { category = a.GetProperty("category").GetString(), level = a.GetProperty("category").GetString() == "Project" ? "Eager" : a.GetProperty("level").GetString() });
        var changed = await PutAsync(leader, $"{Api}/risk-appetite", JsonSerializer.Serialize(new { appetites }), read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var project = (await BodyAsync(changed)).GetProperty("appetites").EnumerateArray().Single(a => a.GetProperty("category").GetString() == "Project");
        Assert.Equal(("Eager", 16), (project.GetProperty("level").GetString(), project.GetProperty("highestAcceptable").GetInt32()));
    }

    [Fact]
    public async Task Flow_and_risk_figures_come_from_the_demo_steps()
    {
        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example");
        var flow = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/flow");
        Assert.True(flow.GetProperty("done").GetInt32() >= 30);
        Assert.True(flow.GetProperty("leadTimeMedianDays").GetDouble() <= flow.GetProperty("leadTime85Days").GetDouble());
        Assert.InRange(flow.GetProperty("shareInBox").GetDouble(), 0.5, 1.0);

        var report = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/risk-report");
        var heat = report.GetProperty("heatMap").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(c => c.GetInt32());
        Assert.Equal(report.GetProperty("openAssessed").GetInt32(), heat);
        Assert.Contains(report.GetProperty("categories").EnumerateArray(), c => c.GetProperty("signal").GetString() == "MayBeTooBold");

        var overdue = await viewer.GetFromJsonAsync<JsonElement>($"{Api}/steps/?status=Doing");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), s => s.GetProperty("overdue").GetBoolean());
    }
}

public sealed class StepsApiOnSqlite(SqliteApp app) : StepsApiTests(app), IClassFixture<SqliteApp>;

public sealed class StepsApiOnPostgres(PostgresApp app) : StepsApiTests(app), IClassFixture<PostgresApp>;
