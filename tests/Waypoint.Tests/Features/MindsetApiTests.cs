using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waypoint.Features.Demo;
using Waypoint.Features.Mindset;

namespace Waypoint.Tests.Features;

/// <summary>
/// The mindset assessment through its API: answering with no sign-in, refusals that never give a count, results
/// only after closing with small groups held back everywhere, outcomes from weak features, frameworks, and who may
/// do what.
/// </summary>
public abstract partial class MindsetApiTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown/mindset";
    private static readonly Guid Framework = DemoSeeder.IdFor("anytown/mindset/framework");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Digital Services");

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digit();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await BodyAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    /// <summary>A refusal's words (its detail and every error) hold no number at all, so none can be a count.</summary>
    private static async Task NoCountAsync(HttpResponseMessage response)
    {
        var body = await BodyAsync(response);
        var words = body.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()))
            .Append(body.GetProperty("detail").GetString()).Append(body.GetProperty("title").GetString());
        Assert.All(words, w => Assert.DoesNotMatch(Digit(), w!));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string json, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(json) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request);
    }

    private Task<HttpClient> LeaderAsync() => app.ApiClientAsync("anytown", "leader@anytown.example");

    private Task<HttpClient> MemberAsync() => app.ApiClientAsync("anytown", "member@anytown.example");

    /// <summary>A campaign of its own, open from two days ago unless told otherwise; returns its id and its groups by name.</summary>
    private async Task<(Guid Id, Dictionary<string, JsonElement> Groups)> CampaignAsync(HttpClient leader, int opensIn = -2, int closesIn = 5)
    {
        var created = await leader.PostAsync($"{Api}/campaigns/", Json($$"""
            {"name":"Api test {{Guid.NewGuid():N}}","frameworkId":"{{Framework}}","opensOn":"{{Day(Today().AddDays(opensIn))}}",
             "closesOn":"{{Day(Today().AddDays(closesIn))}}","groups":["Frontline staff","Councillors"]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await BodyAsync(created);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!, g => g));
    }

    /// <summary>Every statement of the demo framework answered with <paramref name="value"/>, except any given otherwise.</summary>
    private static string Answers(string credential, int value, string? offScale = null)
    {
        var answers = new List<string>();
        for (var feature = 1; feature <= 15; feature++)
        {
            for (var statement = 1; statement <= 3; statement++)
            {
                var given = offScale == $"feature-{feature}-statement-{statement}" ? 7 : value;
                answers.Add($$"""{"feature":{{feature}},"statement":{{statement}},"value":{{given}}}""");
            }
        }

        return $$"""{{{credential}},"answers":[{{string.Join(",", answers)}}],"comments":[{"feature":2,"text":"Trust us more"}]}""";
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string credential, int value = 4, string? offScale = null) =>
        client.PostAsync($"{Api}/responses", Json(Answers(credential, value, offScale)));

    /// <summary>The live counts as the API gives them: a number, or "fewer than N" for a group below the minimum.</summary>
    private static async Task<Dictionary<string, string>> CountsAsync(HttpClient client, Guid campaign)
    {
        var response = await client.GetAsync($"{Api}/campaigns/{campaign}/counts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        return body.EnumerateArray().ToDictionary(
            c => c.GetProperty("group").GetString()!,
            c => c.GetProperty("responses").ValueKind == JsonValueKind.Number
                ? c.GetProperty("responses").GetInt32().ToString(CultureInfo.InvariantCulture)
                : $"fewer than {c.GetProperty("fewerThan").GetInt32()}");
    }

    private Task<int> StoredAsync(Guid campaign, string group) =>
        app.WithDbAsync(db => db.MindsetResponses.IgnoreQueryFilters().CountAsync(r => r.CampaignId == campaign && db.RespondentGroups.IgnoreQueryFilters().Any(g => g.Id == r.GroupId && g.Name == group)));

    private static async Task<Guid> LatestClosedAsync(HttpClient client)
    {
        var list = await BodyAsync(await client.GetAsync($"{Api}/campaigns/"));
        return list.GetProperty("items").EnumerateArray()
            // The demo's own, not one a test here closed early.
            .Where(c => c.GetProperty("state").GetString() == "Closed" && c.GetProperty("name").GetString()!.StartsWith("Digital mindset ", StringComparison.Ordinal))
            .OrderByDescending(c => c.GetProperty("closesOn").GetString(), StringComparer.Ordinal)
            .First().GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Anyone_answers_by_group_link_or_once_by_invitation_token_without_signing_in()
    {
        var leader = await LeaderAsync();
        var (campaign, groups) = await CampaignAsync(leader);
        var link = groups["Frontline staff"].GetProperty("linkCode").GetString()!;
        Assert.Equal($"/anytown/take-part/{link}", groups["Frontline staff"].GetProperty("link").GetString());

        var invited = await leader.PostAsync($"{Api}/campaigns/{campaign}/groups/{groups["Councillors"].GetProperty("id").GetGuid()}/invitations",
            Json("""{"emails":["one@anytown.example","two@anytown.example"]}"""));
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal("text/csv", invited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", invited.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await invited.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("email,link", lines[0]);
        var tokens = lines.Skip(1).Select(l => l.Split(',')[1]).Select(l => l[(l.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(2, tokens.Count);

        var anonymous = await app.AnonymousAsync();
        var byLink = await AnswerAsync(anonymous, $"\"link\":\"{link}\"");
        Assert.Equal(HttpStatusCode.NoContent, byLink.StatusCode);
        Assert.Empty(await byLink.Content.ReadAsStringAsync());
        Assert.Null(byLink.Headers.Location);

        var byToken = await AnswerAsync(anonymous, $"\"token\":\"{tokens[0]}\"", 2);
        Assert.Equal(HttpStatusCode.NoContent, byToken.StatusCode);

        var again = await AnswerAsync(anonymous, $"\"token\":\"{tokens[0]}\"");
        var spent = await ErrorAsync(again, "token");
        Assert.Contains("already been used", spent, StringComparison.Ordinal);
        await NoCountAsync(again);

        Assert.Contains("not recognised", await ErrorAsync(await AnswerAsync(anonymous, "\"token\":\"no-such-token\""), "token"), StringComparison.Ordinal);
        Assert.Contains("not recognised", await ErrorAsync(await AnswerAsync(anonymous, "\"link\":\"no-such-link\""), "link"), StringComparison.Ordinal);
        // The group now answers by invitation only, so its open link is refused.
        var councillorsLink = groups["Councillors"].GetProperty("linkCode").GetString()!;
        Assert.Contains("invitation only", await ErrorAsync(await AnswerAsync(anonymous, $"\"link\":\"{councillorsLink}\""), "link"), StringComparison.Ordinal);
        await ErrorAsync(await anonymous.PostAsync($"{Api}/responses", Json("""{"answers":[]}""")), "link");

        // An answer off the scale names its statement, stores nothing and spends nothing.
        var offScale = await AnswerAsync(anonymous, $"\"token\":\"{tokens[1]}\"", offScale: "feature-2-statement-3");
        Assert.Contains("statement 3", await ErrorAsync(offScale, "feature-2-statement-3"), StringComparison.Ordinal);
        Assert.Equal(1, await StoredAsync(campaign, "Councillors"));
        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync(anonymous, $"\"token\":\"{tokens[1]}\"")).StatusCode);
        Assert.Equal(2, await StoredAsync(campaign, "Councillors"));
        // Live, two councillors are only "fewer than 5": a group that small will be held back, and so is its size.
        Assert.Equal(new Dictionary<string, string> { ["Councillors"] = "fewer than 5", ["Frontline staff"] = "fewer than 5" }, await CountsAsync(leader, campaign));
    }

    [Fact]
    public async Task A_campaign_not_yet_open_or_closed_takes_no_answers()
    {
        var leader = await LeaderAsync();
        var anonymous = await app.AnonymousAsync();
        var (_, later) = await CampaignAsync(leader, opensIn: 5, closesIn: 20);
        var notYet = await AnswerAsync(anonymous, $"\"link\":\"{later["Frontline staff"].GetProperty("linkCode").GetString()}\"");
        Assert.Contains("opens on", await ErrorAsync(notYet, "campaign"), StringComparison.Ordinal);

        var closed = await BodyAsync(await leader.GetAsync($"{Api}/campaigns/{await LatestClosedAsync(leader)}"));
        var code = closed.GetProperty("groups").EnumerateArray().First().GetProperty("linkCode").GetString();
        Assert.Contains("closed", await ErrorAsync(await AnswerAsync(anonymous, $"\"link\":\"{code}\""), "campaign"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_wait_for_closing_while_counts_show_and_appear_once_closed_early()
    {
        var leader = await LeaderAsync();
        var member = await MemberAsync();
        var anonymous = await app.AnonymousAsync();
        var (campaign, groups) = await CampaignAsync(leader);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync(anonymous, $"\"link\":\"{groups["Frontline staff"].GetProperty("linkCode").GetString()}\"", 1 + (i % 5))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync(anonymous, $"\"link\":\"{groups["Councillors"].GetProperty("linkCode").GetString()}\"")).StatusCode);

        var counts = await member.GetAsync($"{Api}/campaigns/{campaign}/counts");
        var countsJson = await counts.Content.ReadAsStringAsync();
        Assert.DoesNotContain("mean", countsJson, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new Dictionary<string, string> { ["Councillors"] = "fewer than 5", ["Frontline staff"] = "6" }, await CountsAsync(member, campaign));

        Assert.Contains("once the campaign closes", await ErrorAsync(await member.GetAsync($"{Api}/campaigns/{campaign}/results"), "campaign"), StringComparison.Ordinal);
        await ErrorAsync(await member.GetAsync($"{Api}/campaigns/{campaign}/results/features/1"), "campaign");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{Api}/campaigns/{campaign}/close", null)).StatusCode);
        var closed = await leader.PostAsync($"{Api}/campaigns/{campaign}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await BodyAsync(closed)).GetProperty("state").GetString());

        var results = await member.GetAsync($"{Api}/campaigns/{campaign}/results");
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        var body = await BodyAsync(results);
        // One councillor cannot be shown, nor worked out from the total: Frontline staff are held back with them.
        Assert.Equal(["Councillors", "Frontline staff"], body.GetProperty("heldBack").EnumerateArray().Select(g => g.GetString()!).ToArray());
        Assert.Empty(body.GetProperty("shown").EnumerateArray());
        Assert.Equal(7, body.GetProperty("overall").GetProperty("total").GetProperty("respondents").GetInt32());
        await ErrorAsync(await member.GetAsync($"{Api}/campaigns/{campaign}/counts"), "campaign");
    }

    [Fact]
    public async Task The_demos_councillors_never_appear_with_figures_and_a_held_back_cell_is_refused_without_a_count()
    {
        var member = await MemberAsync();
        var campaign = await LatestClosedAsync(member);
        var response = await member.GetAsync($"{Api}/campaigns/{campaign}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(json).RootElement;

        var heldBack = body.GetProperty("heldBack").EnumerateArray().Select(g => g.GetString()!).ToList();
        Assert.Equal(["Councillors", "Leadership"], heldBack);
        foreach (var group in heldBack)
        {
            // Named once, in the held-back list: no figure, comment or change anywhere else carries the name.
            Assert.Single(Regex.Matches(json, Regex.Escape($"\"{group}\"")));
        }

        Assert.Contains("Frontline staff", body.GetProperty("shown").EnumerateArray().Select(g => g.GetString()));
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("comparedWith").ValueKind);
        var managingByOutcomes = body.GetProperty("features")[4];
        Assert.True(managingByOutcomes.GetProperty("total").GetProperty("change").GetDouble() > 0.3);
        Assert.NotEmpty(managingByOutcomes.GetProperty("groups").EnumerateArray());

        foreach (var group in heldBack)
        {
            var cell = await member.GetAsync($"{Api}/campaigns/{campaign}/results/features/3?group={Uri.EscapeDataString(group)}");
            Assert.Equal(ResultsService.SuppressedMessage, await ErrorAsync(cell, "group"));
            await NoCountAsync(cell);
        }

        var shown = await BodyAsync(await member.GetAsync($"{Api}/campaigns/{campaign}/results/features/3?group=Frontline%20staff"));
        Assert.Equal("Frontline staff", shown.GetProperty("groups").EnumerateArray().Single().GetProperty("group").GetString());
        Assert.Equal("Take calculated risks", shown.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_leader_creates_an_outcome_from_a_weak_feature_linked_to_the_campaign()
    {
        var leader = await LeaderAsync();
        var campaign = await LatestClosedAsync(leader);
        var url = $"{Api}/campaigns/{campaign}/results/features/3/outcome";
        var input = $$"""{"teamId":"{{Team}}","targetDate":"{{Day(Today().AddMonths(10))}}"}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await MemberAsync()).PostAsync(url, Json(input))).StatusCode);

        var created = await leader.PostAsync(url, Json(input));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outcome = await BodyAsync(created);
        var id = outcome.GetProperty("id").GetGuid();
        Assert.Contains("Take calculated risks", outcome.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Draft", outcome.GetProperty("state").GetString());

        var stored = await app.WithDbAsync(db => db.Outcomes.IgnoreQueryFilters().SingleAsync(o => o.Id == id));
        Assert.Equal(campaign, stored.SourceCampaignId);
        Assert.Equal(3, stored.SourceFeatureNumber);

        var list = await BodyAsync(await leader.GetAsync($"/api/v1/orgs/anytown/outcomes/?pageSize=200"));
        Assert.Contains(id, list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_framework_is_cloned_edited_exported_and_imported_but_one_in_use_is_not_edited()
    {
        var leader = await LeaderAsync();
        var inUse = await leader.GetAsync($"{Api}/frameworks/{Framework}");
        Assert.True((await BodyAsync(inUse)).GetProperty("inUse").GetBoolean());
        var refused = await PutAsync(leader, $"{Api}/frameworks/{Framework}", """{"name":"Changed","features":[{"name":"One","statements":["A statement"]}]}""", inUse.Headers.ETag!.Tag);
        Assert.Contains("cannot change", await ErrorAsync(refused, "features"), StringComparison.Ordinal);

        var cloned = await leader.PostAsync($"{Api}/frameworks/{Framework}/clone", null);
        Assert.Equal(HttpStatusCode.Created, cloned.StatusCode);
        var clone = await BodyAsync(cloned);
        var id = clone.GetProperty("id").GetGuid();
        Assert.False(clone.GetProperty("inUse").GetBoolean());
        Assert.Equal(Framework, clone.GetProperty("basedOnId").GetGuid());
        Assert.Equal(15, clone.GetProperty("features").GetArrayLength());

        var name = $"Anytown mindset {Guid.NewGuid():N}";
        var edit = $$"""
            {"name":"{{name}}","features":[
              {"name":"Lead more, manage less","description":"Direction, not control","statements":["I decide how to do my work.","Leaders clear the way."]},
              {"name":"Take calculated risks","statements":["I may try new things."]}]}
            """;
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(leader, $"{Api}/frameworks/{id}", edit, null)).StatusCode);
        var edited = await PutAsync(leader, $"{Api}/frameworks/{id}", edit, cloned.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var editedBody = await BodyAsync(edited);
        Assert.Equal(2, editedBody.GetProperty("features").GetArrayLength());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(leader, $"{Api}/frameworks/{id}", edit, cloned.Headers.ETag!.Tag)).StatusCode);

        var exported = await leader.GetAsync($"{Api}/frameworks/{id}/export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var document = await exported.Content.ReadAsStringAsync();
        var imported = await leader.PostAsync($"{Api}/frameworks/import", Json(document));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var copy = await BodyAsync(imported);
        Assert.Equal(name, copy.GetProperty("name").GetString());
        // An import becomes the next version of its name.
        Assert.Equal(editedBody.GetProperty("version").GetInt32() + 1, copy.GetProperty("version").GetInt32());
        var original = JsonDocument.Parse(document).RootElement.GetProperty("features").GetRawText();
        var roundTrip = JsonDocument.Parse(await (await leader.GetAsync($"{Api}/frameworks/{copy.GetProperty("id").GetGuid()}/export")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("features").GetRawText();
        Assert.Equal(original, roundTrip);

        await ErrorAsync(await leader.PostAsync($"{Api}/frameworks/import", Json("""{"name":"Empty","features":[]}""")), "features");
        var list = await BodyAsync(await (await MemberAsync()).GetAsync($"{Api}/frameworks/"));
        Assert.Contains(name, list.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await MemberAsync()).PostAsync($"{Api}/frameworks/{id}/clone", null)).StatusCode);
    }

    [Fact]
    public async Task A_campaign_changes_with_If_Match_and_members_read_it_without_links_but_change_nothing()
    {
        var leader = await LeaderAsync();
        var member = await MemberAsync();
        var (campaign, groups) = await CampaignAsync(leader);
        var url = $"{Api}/campaigns/{campaign}";
        var read = await leader.GetAsync(url);
        var change = $$"""{"name":"Renamed campaign","frameworkId":"{{Framework}}","opensOn":"{{Day(Today().AddDays(-2))}}","closesOn":"{{Day(Today().AddDays(9))}}"}""";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(leader, url, change, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(leader, url, change, "\"stale\"")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(member, url, change, read.Headers.ETag!.Tag)).StatusCode);
        var changed = await PutAsync(leader, url, change, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Renamed campaign", (await BodyAsync(changed)).GetProperty("name").GetString());
        Assert.NotEqual(read.Headers.ETag!.Tag, changed.Headers.ETag!.Tag);

        // A member sees the campaign and its groups, never a link that would let them answer as a group.
        var seen = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var seenJson = await seen.Content.ReadAsStringAsync();
        foreach (var group in groups.Values)
        {
            Assert.DoesNotContain(group.GetProperty("linkCode").GetString()!, seenJson, StringComparison.Ordinal);
        }

        var groupId = groups["Councillors"].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{Api}/campaigns/", Json(change))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{url}/groups/{groupId}/invitations", Json("""{"emails":["a@anytown.example"]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{url}/groups/{groupId}/link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Api}/settings")).StatusCode);

        // Groups: add, rename, replace the link, remove.
        var added = await leader.PostAsync($"{url}/groups", Json("""{"name":"Residents panel"}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var addedId = (await BodyAsync(added)).GetProperty("id").GetGuid();
        Assert.Contains("already a group", await ErrorAsync(await leader.PostAsync($"{url}/groups", Json("""{"name":"residents panel"}""")), "name"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(leader, $"{url}/groups/{addedId}", """{"name":"Residents"}""", null)).StatusCode);
        var groupRead = await leader.GetAsync($"{url}/groups/{addedId}");
        var renamed = await PutAsync(leader, $"{url}/groups/{addedId}", """{"name":"Residents"}""", groupRead.Headers.ETag!.Tag);
        Assert.Equal("Residents", (await BodyAsync(renamed)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(leader, $"{url}/groups/{addedId}", """{"name":"Residents again"}""", groupRead.Headers.ETag!.Tag)).StatusCode);
        var oldCode = (await BodyAsync(renamed)).GetProperty("linkCode").GetString();
        var replaced = await BodyAsync(await leader.PostAsync($"{url}/groups/{addedId}/link", null));
        Assert.NotEqual(oldCode, replaced.GetProperty("linkCode").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await leader.DeleteAsync($"{url}/groups/{addedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.DeleteAsync($"{url}/groups/{addedId}")).StatusCode);
    }

    [Fact]
    public async Task Another_organisation_cannot_see_anytowns_campaigns()
    {
        var campaign = await LatestClosedAsync(await LeaderAsync());
        var otherton = await app.ApiClientAsync("otherton", "admin@otherton.example");
        Assert.Equal(HttpStatusCode.NotFound, (await otherton.GetAsync($"/api/v1/orgs/otherton/mindset/campaigns/{campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherton.GetAsync($"/api/v1/orgs/otherton/mindset/campaigns/{campaign}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherton.GetAsync($"{Api}/campaigns/{campaign}")).StatusCode);
        var theirs = await BodyAsync(await otherton.GetAsync("/api/v1/orgs/otherton/mindset/campaigns/"));
        Assert.DoesNotContain(campaign, theirs.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        // Anytown's group link does not answer a survey of Otherton's.
        var code = (await BodyAsync(await (await LeaderAsync()).GetAsync($"{Api}/campaigns/{campaign}"))).GetProperty("groups")[0].GetProperty("linkCode").GetString();
        var answer = await (await app.AnonymousAsync()).PostAsync("/api/v1/orgs/otherton/mindset/responses", Json(Answers($"\"link\":\"{code}\"", 4)));
        await ErrorAsync(answer, "link");
    }

    [Fact]
    public async Task The_minimum_group_size_changes_with_If_Match_and_never_below_three()
    {
        var leader = await LeaderAsync();
        var read = await leader.GetAsync($"{Api}/settings");
        Assert.Equal(5, (await BodyAsync(read)).GetProperty("minimumGroupSize").GetInt32());
        Assert.Contains("from 3", await ErrorAsync(await PutAsync(leader, $"{Api}/settings", """{"minimumGroupSize":2}""", read.Headers.ETag!.Tag), "minimumGroupSize"), StringComparison.Ordinal);

        var changed = await PutAsync(leader, $"{Api}/settings", """{"minimumGroupSize":6}""", read.Headers.ETag!.Tag);
        Assert.Equal(6, (await BodyAsync(changed)).GetProperty("minimumGroupSize").GetInt32());
        var back = await PutAsync(leader, $"{Api}/settings", """{"minimumGroupSize":5}""", changed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}

public sealed class MindsetApiOnSqlite(SqliteApp app) : MindsetApiTests(app), IClassFixture<SqliteApp>;

public sealed class MindsetApiOnPostgres(PostgresApp app) : MindsetApiTests(app), IClassFixture<PostgresApp>;

/// <summary>Answering needs no sign-in, so answers from one address are limited on their own.</summary>
public sealed class MindsetApiRateLimitTests : IAsyncLifetime
{
    private readonly WaypointApp _app = new SqliteApp().WithoutDemo().With("Waypoint:RateLimits:SurveyAnswersPerMinute", "2");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Survey_answers_from_one_address_are_rate_limited()
    {
        var client = await _app.AnonymousAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/orgs/nowhere/mindset/responses", new { link = "x" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
