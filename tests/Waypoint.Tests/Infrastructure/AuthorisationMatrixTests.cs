using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Infrastructure;

/// <summary>Who may use an endpoint.</summary>
public enum Audience
{
    /// <summary>Anyone, signed in or not, of any organisation.</summary>
    Everyone,

    /// <summary>Any member of the organisation in the URL, whatever their role.</summary>
    AnyMember,

    /// <summary>Only admins of the organisation in the URL.</summary>
    Admins,

    /// <summary>Leaders and admins of the organisation in the URL.</summary>
    LeadersAndAdmins,

    /// <summary>Members, leaders and admins: the people who do the work, not viewers or guests.</summary>
    MembersLeadersAndAdmins,

    /// <summary>Nobody: the endpoint exists only while single sign-on is configured, and the tests run without it.</summary>
    NobodyWithoutSingleSignOn,
}

/// <summary>
/// Every endpoint the app maps, tried by every kind of person, against one declared table. An endpoint with no row
/// in the table fails the test, so nothing new can be added unguarded.
/// </summary>
public abstract class AuthorisationMatrixTests(WaypointApp app)
{
    /// <summary>The table. Keys are "METHOD route-pattern"; pages list each method they answer.</summary>
    public static readonly IReadOnlyDictionary<string, Audience> Table = new Dictionary<string, Audience>(StringComparer.Ordinal)
    {
        // Outside any organisation
        ["GET /"] = Audience.Everyone,
        ["GET /account/sign-in"] = Audience.Everyone,
        ["POST /account/sign-in"] = Audience.Everyone,
        ["GET /account/sign-out"] = Audience.Everyone,
        ["POST /account/sign-out"] = Audience.Everyone,
        ["GET /account/signed-out"] = Audience.Everyone,
        ["GET /account/external"] = Audience.NobodyWithoutSingleSignOn,
        // Open to all; the antiforgery check answers before the handler can say single sign-on is off.
        ["POST /account/external"] = Audience.Everyone,
        ["GET /error/{code:int}"] = Audience.Everyone,
        ["GET /api-docs"] = Audience.Everyone,
        ["GET /healthz"] = Audience.Everyone,
        ["GET /openapi/{documentName}.json"] = Audience.Everyone,

        // Organisation pages
        ["GET /{org}"] = Audience.AnyMember,
        ["GET /{org}/teams"] = Audience.AnyMember,
        ["GET /{org}/teams/{id:guid}"] = Audience.AnyMember,
        ["GET /{org}/teams/new"] = Audience.Admins,
        ["POST /{org}/teams/new"] = Audience.Admins,
        ["GET /{org}/teams/{id:guid}/edit"] = Audience.Admins,
        ["POST /{org}/teams/{id:guid}/edit"] = Audience.Admins,
        ["GET /{org}/services"] = Audience.AnyMember,
        ["GET /{org}/services/{id:guid}"] = Audience.AnyMember,
        ["GET /{org}/services/new"] = Audience.Admins,
        ["POST /{org}/services/new"] = Audience.Admins,
        ["GET /{org}/services/{id:guid}/edit"] = Audience.Admins,
        ["POST /{org}/services/{id:guid}/edit"] = Audience.Admins,
        ["GET /{org}/people"] = Audience.Admins,
        ["GET /{org}/people/new"] = Audience.Admins,
        ["POST /{org}/people/new"] = Audience.Admins,
        ["GET /{org}/people/{id:guid}"] = Audience.Admins,
        ["POST /{org}/people/{id:guid}"] = Audience.Admins,
        ["GET /{org}/audit"] = Audience.Admins,
        ["GET /{org}/outcomes"] = Audience.AnyMember,
        ["GET /{org}/outcomes/help"] = Audience.AnyMember,
        ["GET /{org}/outcomes/{id:guid}"] = Audience.AnyMember,
        ["GET /{org}/outcomes/new"] = Audience.LeadersAndAdmins,
        ["POST /{org}/outcomes/new"] = Audience.LeadersAndAdmins,
        ["GET /{org}/outcomes/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["POST /{org}/outcomes/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["GET /{org}/outcomes/{id:guid}/state"] = Audience.LeadersAndAdmins,
        ["POST /{org}/outcomes/{id:guid}/state"] = Audience.LeadersAndAdmins,
        ["GET /{org}/outcomes/{id:guid}/targets/new"] = Audience.LeadersAndAdmins,
        ["POST /{org}/outcomes/{id:guid}/targets/new"] = Audience.LeadersAndAdmins,
        ["GET /{org}/outcomes/{id:guid}/targets/{targetId:guid}/rebaseline"] = Audience.LeadersAndAdmins,
        ["POST /{org}/outcomes/{id:guid}/targets/{targetId:guid}/rebaseline"] = Audience.LeadersAndAdmins,
        ["GET /{org}/outcomes/{id:guid}/check-ins/new"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/outcomes/{id:guid}/check-ins/new"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/check-ins"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/calibration"] = Audience.AnyMember,
        ["GET /{org}/calibration/help"] = Audience.AnyMember,
        ["GET /{org}/indicators"] = Audience.AnyMember,
        ["GET /{org}/indicators/{id:guid}"] = Audience.AnyMember,
        ["GET /{org}/indicators/new"] = Audience.LeadersAndAdmins,
        ["POST /{org}/indicators/new"] = Audience.LeadersAndAdmins,
        ["GET /{org}/indicators/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["POST /{org}/indicators/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["GET /{org}/indicators/{id:guid}/measurements/new"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/indicators/{id:guid}/measurements/new"] = Audience.MembersLeadersAndAdmins,

        ["GET /{org}/flow"] = Audience.AnyMember,
        ["GET /{org}/risk"] = Audience.AnyMember,
        ["GET /{org}/risk-appetite"] = Audience.AnyMember,
        // Everyone reads the rules; only leaders and admins change them, refused before the antiforgery check.
        ["POST /{org}/risk-appetite"] = Audience.LeadersAndAdmins,
        ["GET /{org}/learning"] = Audience.AnyMember,
        ["GET /{org}/steps/help"] = Audience.AnyMember,

        ["GET /{org}/teams/{id:guid}/check-in"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/teams/{id:guid}/check-in"] = Audience.MembersLeadersAndAdmins,

        ["GET /{org}/teams/{id:guid}/steps"] = Audience.AnyMember,
        ["GET /{org}/outcomes/{id:guid}/steps"] = Audience.AnyMember,
        ["GET /{org}/steps/new"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/new"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}"] = Audience.AnyMember,
        ["GET /{org}/steps/{id:guid}/edit"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/edit"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}/move"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/move"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}/risk"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/risk"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}/decision"] = Audience.LeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/decision"] = Audience.LeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}/learning"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/learning"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/steps/{id:guid}/afterwards"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/steps/{id:guid}/afterwards"] = Audience.MembersLeadersAndAdmins,

        // Taking part in a survey needs no sign-in, and works for people of other organisations too.
        ["GET /{org}/take-part/{code}"] = Audience.Everyone,
        ["POST /{org}/take-part/{code}"] = Audience.Everyone,
        ["GET /{org}/take-part/invited/{token?}"] = Audience.Everyone,
        ["POST /{org}/take-part/invited/{token?}"] = Audience.Everyone,
        ["GET /{org}/take-part/thank-you"] = Audience.Everyone,
        // Results and counts for the people who do the work; campaigns and frameworks for leaders and admins.
        ["GET /{org}/mindset"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/mindset/help"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/mindset"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/new"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/campaigns/new"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/{id:guid}"] = Audience.MembersLeadersAndAdmins,
        ["POST /{org}/mindset/campaigns/{id:guid}"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/campaigns/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/{id:guid}/close"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/campaigns/{id:guid}/close"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/{id:guid}/results"] = Audience.MembersLeadersAndAdmins,
        ["GET /{org}/mindset/campaigns/{id:guid}/results/features/{number:int}"] = Audience.MembersLeadersAndAdmins,
        // Creating an outcome from a feature needs the right to manage outcomes.
        ["POST /{org}/mindset/campaigns/{id:guid}/results/features/{number:int}"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/frameworks"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/frameworks/import"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/frameworks/import"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/frameworks/{id:guid}"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/frameworks/{id:guid}"] = Audience.LeadersAndAdmins,
        ["GET /{org}/mindset/frameworks/{id:guid}/edit"] = Audience.LeadersAndAdmins,
        ["POST /{org}/mindset/frameworks/{id:guid}/edit"] = Audience.LeadersAndAdmins,

        // API
        ["GET /api/v1/orgs/{org}/"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/teams/"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/teams/"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/teams/{id:guid}"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/teams/{id:guid}"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/services/"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/services/"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/services/{id:guid}"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/services/{id:guid}"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/members/"] = Audience.Admins,
        ["POST /api/v1/orgs/{org}/members/"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/members/{id:guid}"] = Audience.Admins,
        ["PUT /api/v1/orgs/{org}/members/{id:guid}"] = Audience.Admins,
        ["DELETE /api/v1/orgs/{org}/members/{id:guid}"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/audit"] = Audience.Admins,
        ["GET /api/v1/orgs/{org}/outcomes/"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/outcomes/"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/outcomes/{id:guid}"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/outcomes/{id:guid}"] = Audience.LeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/outcomes/{id:guid}/state"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/outcomes/{id:guid}/state-changes"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/outcomes/{id:guid}/targets"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/outcomes/{id:guid}/targets"] = Audience.LeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/outcomes/{id:guid}/targets/{targetId:guid}"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/indicators/"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/indicators/"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/indicators/{id:guid}"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/indicators/{id:guid}"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/indicators/{id:guid}/measurements"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/indicators/{id:guid}/measurements"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/indicators/{id:guid}/measurements/batch"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/outcomes/{id:guid}/check-ins"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/outcomes/{id:guid}/check-ins"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/check-ins/due"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/calibration"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/steps/"] = Audience.AnyMember,
        ["POST /api/v1/orgs/{org}/steps/"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/steps/{id:guid}"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}"] = Audience.MembersLeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}/status"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/steps/{id:guid}/risk"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}/risk"] = Audience.MembersLeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}/decision"] = Audience.LeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}/aftermath"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/steps/{id:guid}/learning"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/steps/{id:guid}/learning"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/learning"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/risk-appetite"] = Audience.AnyMember,
        ["PUT /api/v1/orgs/{org}/risk-appetite"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/flow"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/risk-report"] = Audience.AnyMember,
        ["GET /api/v1/orgs/{org}/mindset/frameworks/"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/frameworks/{id:guid}"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/frameworks/{id:guid}/clone"] = Audience.LeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/mindset/frameworks/{id:guid}"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/frameworks/{id:guid}/export"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/frameworks/import"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/{id:guid}"] = Audience.MembersLeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/mindset/campaigns/{id:guid}"] = Audience.LeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/close"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/counts"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups/{groupId:guid}"] = Audience.MembersLeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups/{groupId:guid}"] = Audience.LeadersAndAdmins,
        ["DELETE /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups/{groupId:guid}"] = Audience.LeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups/{groupId:guid}/link"] = Audience.LeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/groups/{groupId:guid}/invitations"] = Audience.LeadersAndAdmins,
        // Answering a survey needs no sign-in; whoever is signed in, of any organisation, is ignored.
        ["POST /api/v1/orgs/{org}/mindset/responses"] = Audience.Everyone,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/results/"] = Audience.MembersLeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/results/features/{number:int}"] = Audience.MembersLeadersAndAdmins,
        ["POST /api/v1/orgs/{org}/mindset/campaigns/{id:guid}/results/features/{number:int}/outcome"] = Audience.LeadersAndAdmins,
        ["GET /api/v1/orgs/{org}/mindset/settings"] = Audience.LeadersAndAdmins,
        ["PUT /api/v1/orgs/{org}/mindset/settings"] = Audience.LeadersAndAdmins,
    };

    private static readonly string[] People =
    [
        "anonymous", "viewer@anytown.example", "stakeholder@anytown.example", "member@anytown.example",
        "leader@anytown.example", "admin@otherton.example", "admin@anytown.example",
    ];

    [Fact]
    public async Task Every_mapped_endpoint_has_a_row_in_the_table()
    {
        await app.ReadyAsync();
        var mapped = MappedEndpoints();
        var missing = mapped.Where(m => !Table.ContainsKey(m)).ToList();
        Assert.True(missing.Count == 0, "Endpoints with no row in the authorisation table:\n" + string.Join("\n", missing));

        // Pages answer any method, so the table names the methods they handle; its patterns must still exist.
        var patterns = mapped.Select(m => m.Split(' ', 2)[1]).ToHashSet(StringComparer.Ordinal);
        var stale = Table.Keys.Where(k => !patterns.Contains(k.Split(' ', 2)[1])).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_person_as_the_table_says()
    {
        await app.ReadyAsync();
        var ids = await IdsAsync();
        var failures = new List<string>();
        foreach (var person in People)
        {
            var pages = person == "anonymous" ? await app.AnonymousAsync() : await app.SignedInAsync(person);
            var api = person == "anonymous"
                ? await app.AnonymousAsync()
                : await app.ApiClientAsync(person.EndsWith("otherton.example", StringComparison.Ordinal) ? "otherton" : "anytown", person);
            foreach (var (key, audience) in Table)
            {
                var (method, pattern) = (key.Split(' ', 2)[0], key.Split(' ', 2)[1]);
                var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern, ids));
                if (method != "GET")
                {
                    request.Content = isApi ? new StringContent("{}", Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
                }

                var response = await (isApi ? api : pages).SendAsync(request);
                var expected = Expect(audience, person, isApi);
                var actual = Classify(response);
                if (actual != expected)
                {
                    failures.Add($"{person}: {key} expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Expect(Audience audience, string person, bool isApi) => (audience, person) switch
    {
        (Audience.Everyone, _) => "allowed",
        (Audience.NobodyWithoutSingleSignOn, _) => "not-found",
        (_, "anonymous") => isApi ? "unauthenticated" : "sign-in",
        (_, "admin@otherton.example") => "not-found",
        (Audience.AnyMember, _) => "allowed",
        (Audience.Admins, "admin@anytown.example") => "allowed",
        (Audience.LeadersAndAdmins, "leader@anytown.example" or "admin@anytown.example") => "allowed",
        (Audience.MembersLeadersAndAdmins, "member@anytown.example" or "leader@anytown.example" or "admin@anytown.example") => "allowed",
        _ => "forbidden",
    };

    private static string Classify(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        302 when response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true => "sign-in",
        500 => "server-error",
        // Anything else means the request got past authorisation: a page, a redirect, a validation problem,
        // a missing antiforgery token or If-Match. Those are the endpoints' own business, tested elsewhere.
        _ => "allowed",
    };

    private List<string> MappedEndpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var keys = new List<string>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is null)
            {
                // A Razor Page: it handles GET, and POST when it has a form.
                keys.AddRange(Table.Keys.Where(k => k.EndsWith(" " + pattern, StringComparison.Ordinal)).DefaultIfEmpty("GET " + pattern));
            }
            else
            {
                keys.AddRange(methods.Select(m => $"{m} {pattern}"));
            }
        }

        return keys.Distinct().ToList();
    }

    private sealed record Ids(Guid Team, Guid Service, Guid Membership, Guid Victim, Guid Outcome, Guid Indicator, Guid Target, Guid Step, Guid Framework, Guid Campaign, Guid Group, string LinkCode, string Token);

    /// <summary>Real records of anytown, so that an allowed request finds what it asks for.</summary>
    private async Task<Ids> IdsAsync()
    {
        // A membership made for the test, so that an allowed DELETE removes nobody who matters.
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var added = await admin.PostAsync("/api/v1/orgs/anytown/members/", new StringContent(
            $$"""{"email":"victim-{{Guid.NewGuid():N}}@anytown.example","displayName":"Victim","role":"Viewer","password":"a long test password 77"}""",
            Encoding.UTF8, "application/json"));
        added.EnsureSuccessStatusCode();
        var victim = Guid.Parse(System.Text.Json.JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        // An outcome with a target on an indicator, shown to the whole organisation.
        var team = DemoSeeder.IdFor("anytown/team/Digital Services");
        var indicator = await CreateAsync(admin, "/api/v1/orgs/anytown/indicators/",
            $$"""{"name":"Matrix indicator {{Guid.NewGuid():N}}","unit":"%","direction":"Increase","kind":"HowWell","cadence":"Monthly","teamId":"{{team}}"}""");
        var outcome = await CreateAsync(admin, "/api/v1/orgs/anytown/outcomes/",
            $$"""{"teamId":"{{team}}","title":"Matrix outcome","userNeed":"A need","doneMeans":"Done","targetDate":"2027-03-31","visibility":"Organisation"}""");
        var target = await CreateAsync(admin, $"/api/v1/orgs/anytown/outcomes/{outcome}/targets",
            $$"""{"indicatorId":"{{indicator}}","baselineDate":"2026-04-01","baselineValue":40,"targetDate":"2027-03-31","targetValue":70}""");
        // A step with a risk assessment and learning, so that reading either finds something.
        var step = await CreateAsync(admin, "/api/v1/orgs/anytown/steps/",
            $$"""{"outcomeId":"{{outcome}}","title":"Matrix step","change":"a change","indicatorId":"{{indicator}}","expectedEffect":"up a little","because":"a reason","owners":["{{DemoSeeder.IdFor("admin@anytown.example")}}"],"startDate":"2026-11-30","dueDate":"2026-12-04"}""");
        using var assess = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orgs/anytown/steps/{step}/risk")
        {
            Content = new StringContent("""{"category":"People","likelihood":1,"impact":1,"reversibility":"Reversible"}""", Encoding.UTF8, "application/json"),
        };
        assess.Headers.TryAddWithoutValidation("If-Match", "*");
        (await admin.SendAsync(assess)).EnsureSuccessStatusCode();
        using var learning = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orgs/anytown/steps/{step}/learning")
        {
            Content = new StringContent("""{"whatHappened":"It went","evidence":"A figure","nextSteps":"More"}""", Encoding.UTF8, "application/json"),
        };
        (await admin.SendAsync(learning)).EnsureSuccessStatusCode();
        // The demo's latest closed campaign and its small group: allowed changes to it are refused as too late, not
        // as unseen. A group link and an invitation of the open one, so that taking part finds a survey (the
        // matrix's empty posts never get past the antiforgery check).
        var (campaign, linkCode, token) = await SurveyAsync();
        var group = await app.WithDbAsync(db => db.RespondentGroups.IgnoreQueryFilters()
            .Where(g => g.CampaignId == campaign && g.Name == "Councillors").Select(g => g.Id).SingleAsync());
        return new Ids(team, DemoSeeder.IdFor("anytown/service/Housing repairs"),
            DemoSeeder.IdFor("anytown/membership/member@anytown.example"), victim, outcome, indicator, target, step,
            DemoSeeder.IdFor("anytown/mindset/framework"), campaign, group, linkCode, token);
    }

    private async Task<(Guid Campaign, string LinkCode, string Token)> SurveyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Waypoint.Data.WaypointDb>();
        db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
        var pulse = DemoSeeder.IdFor("anytown/mindset/campaign/Digital mindset pulse check");
        var closed = await db.MindsetCampaigns.Where(c => c.Id != pulse).OrderByDescending(c => c.ClosesOn).Select(c => c.Id).FirstAsync();
        var groups = await db.RespondentGroups.Where(g => g.CampaignId == pulse).OrderBy(g => g.Name).ToListAsync();
        var invited = groups.First(g => g.Name == "Partners and suppliers");
        var delivery = await scope.ServiceProvider.GetRequiredService<Waypoint.Features.Mindset.InvitationService>()
            .InviteAsync(pulse, invited.Id, ["matrix@anytown.example"], "http://localhost", CancellationToken.None);
        var link = Encoding.UTF8.GetString(delivery!.Content!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[1];
        return (closed, groups.First(g => g.Name == "Frontline staff").LinkCode, link[(link.LastIndexOf('/') + 1)..]);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string url, string json)
    {
        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return Guid.Parse(System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
    }

    private static string Concrete(string pattern, Ids ids)
    {
        var id = pattern switch
        {
            _ when pattern.Contains("/mindset/frameworks/", StringComparison.Ordinal) => ids.Framework,
            _ when pattern.Contains("/mindset/campaigns/", StringComparison.Ordinal) => ids.Campaign,
            _ when pattern.Contains("/steps/{id", StringComparison.Ordinal) => ids.Step,
            _ when pattern.Contains("/outcomes/", StringComparison.Ordinal) => ids.Outcome,
            _ when pattern.Contains("/indicators/", StringComparison.Ordinal) => ids.Indicator,
            _ when pattern.Contains("/steps/", StringComparison.Ordinal) => ids.Step,
            _ when pattern.Contains("/teams/", StringComparison.Ordinal) => ids.Team,
            _ when pattern.Contains("/services/", StringComparison.Ordinal) => ids.Service,
            _ when pattern.StartsWith("/api/", StringComparison.Ordinal) && pattern.Contains("/members/", StringComparison.Ordinal) => ids.Victim,
            _ => ids.Membership,
        };
        return pattern
            .Replace("{org}", "anytown", StringComparison.Ordinal)
            .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{targetId:guid}", ids.Target.ToString(), StringComparison.Ordinal)
            .Replace("{groupId:guid}", ids.Group.ToString(), StringComparison.Ordinal)
            .Replace("{code}", ids.LinkCode, StringComparison.Ordinal)
            .Replace("{token?}", ids.Token, StringComparison.Ordinal)
            .Replace("{number:int}", "3", StringComparison.Ordinal)
            // The error page answers with the status it describes: 429 is one the classification calls allowed.
            .Replace("{code:int}", "429", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
    }
}

public sealed class AuthorisationMatrixOnSqlite(SqliteApp app) : AuthorisationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorisationMatrixOnPostgres(PostgresApp app) : AuthorisationMatrixTests(app), IClassFixture<PostgresApp>;
