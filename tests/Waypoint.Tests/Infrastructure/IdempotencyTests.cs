using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// A creating request sent again — after a lost connection, or racing itself — with the same Idempotency-Key creates
/// once and answers every copy with the first answer.
/// </summary>
public abstract class IdempotencyTests(WaypointApp app)
{
    private const string Api = "/api/v1/orgs/anytown";

    private static HttpRequestMessage Post(string url, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    private static string Outcome(string title) => $$"""
        {"teamId":"{{TestData.DigitalServices}}","title":"{{title}}","userNeed":"A need","doneMeans":"Done","targetDate":"2027-06-30"}
        """;

    private Task<int> OutcomesTitledAsync(string title) =>
        app.InAnytownAsync(db => db.Outcomes.CountAsync(o => o.Title == title));

    [Fact]
    public async Task A_repeat_with_the_same_key_answers_the_first_result_and_creates_nothing()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var title = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        var first = await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key));
        var again = await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await OutcomesTitledAsync(title));

        // Without a key, the same request is a new request.
        Assert.Equal(HttpStatusCode.Created, (await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), null))).StatusCode);
        Assert.Equal(2, await OutcomesTitledAsync(title));
    }

    [Fact]
    public async Task Copies_racing_with_one_key_create_once_and_all_get_the_same_answer()
    {
        var indicator = await app.CreateIndicatorAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var key = Guid.NewGuid().ToString();
        var batch = $$"""{"measurements":[{"date":"{{DateTime.UtcNow.AddDays(-40):yyyy-MM-dd}}","value":1},{"date":"{{DateTime.UtcNow.AddDays(-9):yyyy-MM-dd}}","value":2}]}""";

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => member.SendAsync(Post($"{Api}/indicators/{indicator}/measurements/batch", batch, key))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(2, await app.InAnytownAsync(db => db.Measurements.CountAsync(m => m.IndicatorId == indicator)));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_and_a_bad_key_is_named()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var key = Guid.NewGuid().ToString();
        var title = $"Keyed {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key))).StatusCode);

        var different = await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title + " changed"), key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await OutcomesTitledAsync(title + " changed"));

        var tooLong = await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), new string('k', 256)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task A_refused_request_keeps_no_answer_so_the_corrected_one_may_use_the_key()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var key = Guid.NewGuid().ToString();
        var title = $"Corrected {Guid.NewGuid():N}";
        var refused = await leader.SendAsync(Post($"{Api}/outcomes/", $$"""{"teamId":"{{TestData.DigitalServices}}","title":"{{title}}"}""", key));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // A corrected request with the key: judged on its own, not answered with the refusal.
        var corrected = await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal(1, await OutcomesTitledAsync(title));
    }

    [Fact]
    public async Task One_persons_key_never_answers_another_persons_request()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var key = Guid.NewGuid().ToString();
        var title = $"Shared key {Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.Created, (await leader.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key))).StatusCode);
        var theirs = await admin.SendAsync(Post($"{Api}/outcomes/", Outcome(title), key));

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await OutcomesTitledAsync(title));
    }
}

public sealed class IdempotencyOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
