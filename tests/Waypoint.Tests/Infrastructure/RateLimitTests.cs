using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// Tries to side-step each rate limit the way a determined client would: re-spelling the address or the token,
/// using another door to the same action, or coming from many addresses. Served on Kestrel so that each client can
/// come from its own loopback address (127.0.0.x); every test uses addresses and accounts of its own. The limits
/// live in memory, not in the database, so one engine is enough.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LowLimits fixture) : IClassFixture<RateLimitTests.LowLimits>
{
    private const int Limit = 3;

    private readonly WaypointApp _app = fixture.App;

    /// <summary>One server for the class, with every limit at <see cref="Limit"/> a minute.</summary>
    public sealed class LowLimits : IAsyncLifetime
    {
        public WaypointApp App { get; } = new SqliteApp()
            .With("Waypoint:RateLimits:SignInPerMinute", "3")
            .With("Waypoint:RateLimits:ApiPerMinute", "3")
            .With("Waypoint:RateLimits:SurveyAnswersPerMinute", "3");

        public async Task InitializeAsync() => await App.ServeOnKestrelAsync();

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string url, string email) =>
        client.SubmitFormAsync(url, new() { ["email"] = email, ["password"] = "not anybody's password" });

    private static async Task AssertTooManyAttemptsPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused request says when to try again.");
        var body = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        Assert.True(page.QuerySelector("h1")?.TextContent == "Too many attempts", body);
        Assert.NotNull(page.QuerySelector("header.govuk-template__header"));
    }

    private static async Task AssertTooManyRequestsProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused request says when to try again.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Sign_in_spelled_with_a_trailing_slash_or_other_letter_case_spends_the_same_allowance()
    {
        var client = _app.ClientFrom("127.0.0.11");
        var statuses = new List<HttpStatusCode>();
        string[] spellings = ["/account/sign-in", "/account/sign-in/", "/Account/Sign-In", "/ACCOUNT/SIGN-IN/"];
        HttpResponseMessage? last = null;
        for (var i = 0; i < spellings.Length; i++)
        {
            // A different account each time, so that only the address's allowance is at stake.
            last = await SignInAsync(client, spellings[i], $"spelling-{i}@nowhere.example");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await AssertTooManyAttemptsPageAsync(last!);
    }

    [Fact]
    public async Task One_account_tried_from_many_addresses_is_limited_as_one_account()
    {
        // However the email is typed, it names one account; whether that account exists plays no part.
        string[] spellings = ["leader@anytown.example", " Leader@Anytown.example ", "LEADER@ANYTOWN.EXAMPLE", "leader@anytown.EXAMPLE"];
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < spellings.Length; i++)
        {
            last = await SignInAsync(_app.ClientFrom($"127.0.0.{21 + i}"), "/account/sign-in", spellings[i]);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await AssertTooManyAttemptsPageAsync(last!);

        // Another account from a fresh address is untouched: the limit is per account, not for everyone.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(_app.ClientFrom("127.0.0.25"), "/account/sign-in", "member@anytown.example")).StatusCode);
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_limited_and_another_address_is_not()
    {
        var client = _app.ClientFrom("127.0.0.31");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 1; i++)
        {
            statuses.Add((await SignInAsync(client, "/account/sign-in", $"spray-{i}@anytown.example")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(_app.ClientFrom("127.0.0.32"), "/account/sign-in", "spray-9@anytown.example")).StatusCode);
    }

    [Fact]
    public async Task A_token_re_spelled_or_another_token_of_the_same_person_spends_that_persons_allowance()
    {
        var first = await _app.TokenAsync("anytown", "member@anytown.example");
        var second = await _app.TokenAsync("anytown", "member@anytown.example");
        var client = _app.ClientFrom("127.0.0.41");
        (string Header, string Path)[] requests =
        [
            ("Bearer " + first, "/api/v1/orgs/anytown/teams"),
            ("bearer " + first, "/api/v1/orgs/anytown/teams/"),
            ("Bearer    " + second + "  ", "/API/V1/ORGS/anytown/Teams"),
            ("BEARER " + first, "/api/v1/orgs/anytown/teams"),
        ];
        var responses = new List<HttpResponseMessage>();
        foreach (var (header, path) in requests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", header);
            responses.Add(await client.SendAsync(request));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        await AssertTooManyRequestsProblemAsync(responses[^1]);

        // Another person, from the same address, has an allowance of their own.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orgs/anytown/teams");
        other.Headers.TryAddWithoutValidation("Authorization", "Bearer " + await _app.TokenAsync("anytown", "leader@anytown.example"));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Requests_whose_token_fails_spend_their_addresss_allowance_however_the_token_is_spelled()
    {
        var valid = await _app.TokenAsync("anytown", "viewer@anytown.example");
        var client = _app.ClientFrom("127.0.0.51");
        var statuses = new List<HttpStatusCode>();
        foreach (var headers in new[]
                 {
                     new[] { "Bearer wp_made_up_one" },
                     ["Bearer wp_made_up_two"],
                     // The valid token twice: one Authorization header too many is no token at all.
                     ["Bearer " + valid, "Bearer " + valid],
                     ["Bearer not-even-a-waypoint-token"],
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orgs/anytown/teams");
            foreach (var header in headers)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        // A failed token is refused, and the refusal is counted: guessing tokens is not free.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);

        // A different client address has its own allowance.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orgs/anytown/teams");
        elsewhere.Headers.TryAddWithoutValidation("Authorization", "Bearer wp_made_up_three");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ClientFrom("127.0.0.52").SendAsync(elsewhere)).StatusCode);
    }

    [Fact]
    public async Task Survey_answers_by_the_api_in_any_spelling_and_by_the_web_form_share_one_allowance()
    {
        var code = await _app.WithDbAsync(async db =>
        {
            db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
            var pulse = DemoSeeder.IdFor("anytown/mindset/campaign/Digital mindset pulse check");
            return await db.RespondentGroups.Where(g => g.CampaignId == pulse && g.Name == "Frontline staff").Select(g => g.LinkCode).SingleAsync();
        });
        var client = _app.ClientFrom("127.0.0.61");
        var statuses = new List<HttpStatusCode>
        {
            (await client.PostAsJsonAsync("/api/v1/orgs/anytown/mindset/responses", new { link = "no-such-link" })).StatusCode,
            (await client.PostAsJsonAsync("/api/v1/orgs/anytown/Mindset/Responses/", new { link = "no-such-link" })).StatusCode,
            // The web form, submitted with nothing answered: refused, and counted.
            (await client.SubmitFormAsync($"/anytown/take-part/{code}", [])).StatusCode,
        };
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);

        var refused = await client.SubmitFormAsync($"/anytown/take-part/{code}", []);
        await AssertTooManyAttemptsPageAsync(refused);
        await AssertTooManyRequestsProblemAsync(await client.PostAsJsonAsync("/API/v1/orgs/anytown/mindset/responses", new { link = "no-such-link" }));

        // Reading the survey is not answering it: the page still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/anytown/take-part/{code}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_says_every_operation_may_be_refused_with_429()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _app.ClientFrom("127.0.0.71").GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.True(o.Value.GetProperty("responses").TryGetProperty("429", out _), $"{o.Name} does not mention 429"));
        var answers = document.RootElement.GetProperty("paths").GetProperty("/api/v1/orgs/{org}/mindset/responses").GetProperty("post").GetProperty("responses").GetProperty("429");
        Assert.Contains("client address", answers.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ipv6_client_is_one_client_across_its_64_bit_prefix()
    {
        Assert.Equal(
            Waypoint.Infrastructure.Web.RateLimits.ClientAddress(IPAddress.Parse("2001:db8:1:2:aaaa::1")),
            Waypoint.Infrastructure.Web.RateLimits.ClientAddress(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.NotEqual(
            Waypoint.Infrastructure.Web.RateLimits.ClientAddress(IPAddress.Parse("2001:db8:1:2::1")),
            Waypoint.Infrastructure.Web.RateLimits.ClientAddress(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("192.0.2.7", Waypoint.Infrastructure.Web.RateLimits.ClientAddress(IPAddress.Parse("::ffff:192.0.2.7")));
    }
}
