using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Outcomes;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// Parallel clients, as a determined tester would send them: writers holding one ETag, the same check-in or value
/// posted many times at once, a form opened before someone else saved. No update is lost, no duplicate is stored, and
/// the database's refusals are answered as 409 or 412, never 500.
/// </summary>
public abstract class ConcurrencyTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";
    private const int Writers = 8;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Sends every request at once and waits for all the answers.</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0, count);
        var sending = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            return await send(i);
        }).ToList();
        start.Release(count);
        return await Task.WhenAll(sending);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await BodyAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Of_parallel_writers_holding_one_ETag_exactly_one_changes_an_outcome()
    {
        var outcome = await app.CreateOutcomeAsync();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var url = $"{Api}/outcomes/{outcome}";
        var read = await leader.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        var current = await BodyAsync(read);

        var answers = await AllAtOnceAsync(Writers, i => PutAsync(leader, url, $$"""
            {"teamId":"{{current.GetProperty("teamId")}}","title":"Writer {{i}}","userNeed":"Need {{i}}","doneMeans":"Done {{i}}","targetDate":"{{current.GetProperty("targetDate")}}"}
            """, etag));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var lost in answers.Where(a => a != won))
        {
            await AssertProblemAsync(lost, HttpStatusCode.PreconditionFailed);
        }

        var winner = (await BodyAsync(won)).GetProperty("title").GetString();
        var stored = await BodyAsync(await leader.GetAsync(url));
        Assert.Equal(winner, stored.GetProperty("title").GetString());
        Assert.Equal(winner!.Replace("Writer", "Need", StringComparison.Ordinal), stored.GetProperty("userNeed").GetString());
        Assert.NotEqual(etag, won.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Of_parallel_moves_of_a_step_holding_one_ETag_exactly_one_happens()
    {
        var step = await app.CreateStepAsync(await app.CreateOutcomeAsync(), await app.CreateIndicatorAsync());
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/steps/{step}";
        var etag = (await member.GetAsync(url)).Headers.ETag!.Tag;

        // Half try to make it ready, half to re-plan it: one of them wins and the others change nothing.
        var answers = await AllAtOnceAsync(Writers, i => i % 2 == 0
            ? PutAsync(member, $"{url}/status", """{"status":"Ready"}""", etag)
            : PutAsync(member, $"{url}/risk", """{"category":"Operations","likelihood":1,"impact":1,"reversibility":"Reversible"}""", etag));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var lost in answers.Where(a => a != won))
        {
            await AssertProblemAsync(lost, HttpStatusCode.PreconditionFailed);
        }

        var stored = await BodyAsync(await member.GetAsync(url));
        Assert.Equal(1, stored.GetProperty("revision").GetInt32());
        Assert.Equal(won.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) ? "Ready" : "Idea", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Of_parallel_changes_to_the_risk_appetite_holding_one_ETag_exactly_one_is_kept()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var url = $"{Api}/risk-appetite";
        var etag = (await leader.GetAsync(url)).Headers.ETag!.Tag;

        var answers = await AllAtOnceAsync(Writers, i => PutAsync(leader, url, $$"""{"maximumWorkingDays":{{10 + i}}}""", etag));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != won), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Equal((await BodyAsync(won)).GetProperty("maximumWorkingDays").GetInt32(),
            (await BodyAsync(await leader.GetAsync(url))).GetProperty("maximumWorkingDays").GetInt32());

        // Putting the rules back leaves the demo as it was for other tests.
        var now = (await leader.GetAsync(url)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(leader, url, """{"maximumWorkingDays":10}""", now)).StatusCode);
    }

    [Fact]
    public async Task Recording_a_value_does_not_make_an_edit_of_the_indicator_stale()
    {
        var indicator = await app.CreateIndicatorAsync();
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var url = $"{Api}/indicators/{indicator}";
        var read = await leader.GetAsync(url);
        var current = await BodyAsync(read);

        var recorded = await leader.PostAsync($"{url}/measurements", Json($$"""{"date":"{{DateTime.UtcNow.AddDays(-3):yyyy-MM-dd}}","value":12}"""));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var renamed = await PutAsync(leader, url, $$"""
            {"name":"{{current.GetProperty("name").GetString()}} renamed","unit":"%","direction":"Increase","kind":"HowWell","cadence":"Monthly","teamId":"{{current.GetProperty("teamId")}}"}
            """, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(12m, (await BodyAsync(renamed)).GetProperty("latestValue").GetDecimal());
    }

    [Fact]
    public async Task The_same_check_in_posted_many_times_at_once_is_kept_once_and_can_still_be_changed()
    {
        var outcome = await app.CreateOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/outcomes/{outcome}/check-ins";

        var answers = await AllAtOnceAsync(Writers, i => member.PostAsync(url, Json($$"""{"confidence":{{50 + i}},"progress":"Posted by tab {{i}}"}""")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        }

        var standing = (await BodyAsync(await member.GetAsync(url))).EnumerateArray().Where(c => !c.GetProperty("superseded").GetBoolean()).ToList();
        Assert.Single(standing);

        // Parallel edits: each one that lands edits the one standing when it lands (two never edit the same one), so the
        // history grows by the edits made and the week still has exactly one check-in standing.
        var edits = await AllAtOnceAsync(Writers, i => member.PostAsync(url, Json($$"""{"confidence":{{20 + i}},"progress":"Edited by tab {{i}}","edit":true}""")));
        Assert.All(edits, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var history = (await BodyAsync(await member.GetAsync(url))).EnumerateArray().ToList();
        Assert.Equal(1 + edits.Count(a => a.StatusCode == HttpStatusCode.Created), history.Count);
        Assert.Single(history, c => !c.GetProperty("superseded").GetBoolean());
        Assert.Equal(history.Count - 1, history.Select(c => c.GetProperty("supersedesId")).Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetGuid()).Distinct().Count());
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsync(url, Json("""{"confidence":33,"progress":"One more edit","edit":true}"""))).StatusCode);
    }

    [Fact]
    public async Task The_same_value_posted_many_times_at_once_is_kept_once_and_can_still_be_corrected()
    {
        var indicator = await app.CreateIndicatorAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/indicators/{indicator}/measurements";
        var date = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd");

        var answers = await AllAtOnceAsync(Writers, i => i % 2 == 0
            ? member.PostAsync(url, Json($$"""{"date":"{{date}}","value":{{40 + i}}}"""))
            : member.PostAsync($"{url}/batch", Json($$"""{"measurements":[{"date":"{{date}}","value":{{40 + i}}}]}""")));

        var kept = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a != kept))
        {
            await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        }

        var values = (await BodyAsync(await member.GetAsync(url))).EnumerateArray().ToList();
        Assert.Single(values);
        var corrected = await member.PostAsync(url, Json($$"""{"date":"{{date}}","value":99,"correction":true}"""));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(99m, (await BodyAsync(await member.GetAsync($"{Api}/indicators/{indicator}"))).GetProperty("latestValue").GetDecimal());
    }

    [Fact]
    public async Task The_latest_value_is_the_newest_date_whichever_of_parallel_recordings_lands_last()
    {
        var indicator = await app.CreateIndicatorAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/indicators/{indicator}/measurements";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var answers = await AllAtOnceAsync(Writers, i => member.PostAsync(url, Json($$"""{"date":"{{today.AddDays(-20 + i):yyyy-MM-dd}}","value":{{i}}}""")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var latest = await BodyAsync(await member.GetAsync($"{Api}/indicators/{indicator}"));
        Assert.Equal(today.AddDays(-20 + Writers - 1).ToString("yyyy-MM-dd"), latest.GetProperty("latestDate").GetString());
        Assert.Equal(Writers - 1, latest.GetProperty("latestValue").GetDecimal());
    }

    [Fact]
    public async Task A_form_opened_before_someone_else_saved_says_so_shows_their_values_and_saves_nothing()
    {
        var outcome = await app.CreateOutcomeAsync();
        var page = $"/anytown/outcomes/{outcome}/edit";
        var browser = await app.SignedInAsync("leader@anytown.example");
        var form = await browser.GetPageAsync(page);
        var revision = form.QuerySelector("input[name=revision]")!.GetAttribute("value")!;
        var fields = form.Forms.First(f => f.QuerySelector("input[name=revision]") is not null).Elements
            .OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "radio")
            .ToDictionary(i => i.Name!, i => i.Value);

        // Meanwhile, someone else renames it through the API.
        var api = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var read = await api.GetAsync($"{Api}/outcomes/{outcome}");
        var current = await BodyAsync(read);
        var theirs = await PutAsync(api, $"{Api}/outcomes/{outcome}", $$"""
            {"teamId":"{{current.GetProperty("teamId")}}","title":"Renamed by the admin","userNeed":"{{current.GetProperty("userNeed").GetString()}}","doneMeans":"{{current.GetProperty("doneMeans").GetString()}}","targetDate":"{{current.GetProperty("targetDate")}}"}
            """, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        fields["title"] = "Renamed by the leader";
        fields["userNeed"] = current.GetProperty("userNeed").GetString()!;
        fields["doneMeans"] = current.GetProperty("doneMeans").GetString()!;
        fields["teamId"] = current.GetProperty("teamId").GetString()!;
        fields["visibility"] = "Organisation";
        var stale = await browser.PostAsync(page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var shown = await PageClient.ParseAsync(stale);
        Assert.Contains("Someone changed this since you opened it", shown.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed by the leader", shown.QuerySelector("input[name=title]")!.GetAttribute("value"));
        Assert.Contains("Renamed by the admin", shown.QuerySelector("#title-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Renamed by the admin", (await BodyAsync(await api.GetAsync($"{Api}/outcomes/{outcome}"))).GetProperty("title").GetString());

        // The form now carries the current revision: saving again is a deliberate choice, and it is saved.
        var newer = shown.QuerySelector("input[name=revision]")!.GetAttribute("value");
        Assert.NotEqual(revision, newer);
        fields["revision"] = newer!;
        var again = await browser.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Renamed by the leader", (await BodyAsync(await api.GetAsync($"{Api}/outcomes/{outcome}"))).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_step_form_posted_after_the_step_moved_changes_nothing()
    {
        var step = await app.CreateStepAsync(await app.CreateOutcomeAsync(), await app.CreateIndicatorAsync());
        var browser = await app.SignedInAsync("member@anytown.example");
        var riskPage = $"/anytown/steps/{step}/risk";
        var form = await browser.GetPageAsync(riskPage);
        var hidden = form.Forms.Single(f => f.QuerySelector("input[name=revision]") is not null).Elements
            .OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value);

        var api = await app.ApiClientAsync("anytown", "member@anytown.example");
        var read = await api.GetAsync($"{Api}/steps/{step}");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, $"{Api}/steps/{step}/status", """{"status":"Ready"}""", read.Headers.ETag!.Tag)).StatusCode);

        hidden["category"] = "Operations";
        hidden["likelihood"] = "1";
        hidden["impact"] = "1";
        hidden["reversibility"] = "Reversible";
        var stale = await browser.PostAsync(riskPage, new FormUrlEncodedContent(hidden));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone changed this since you opened it", (await PageClient.ParseAsync(stale)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("None", (await BodyAsync(await api.GetAsync($"{Api}/steps/{step}"))).GetProperty("signOff").GetString());
    }

    [Fact]
    public async Task A_form_that_does_not_say_which_revision_it_was_drawn_at_saves_nothing()
    {
        var outcome = await app.CreateOutcomeAsync();
        var browser = await app.SignedInAsync("leader@anytown.example");
        var response = await browser.SubmitFormAsync($"/anytown/outcomes/{outcome}/state", new() { ["state"] = "Retired", ["revision"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await app.InAnytownAsync(db => db.Outcomes.Where(o => o.Id == outcome).Select(o => o.State).SingleAsync());
        Assert.Equal(OutcomeState.Active, state);
    }
}

public sealed class ConcurrencyOnSqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrencyOnPostgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
