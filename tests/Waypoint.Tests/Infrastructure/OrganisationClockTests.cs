using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Waypoint.Core.Steps;

namespace Waypoint.Tests.Infrastructure;

/// <summary>
/// One clock per organisation: "today" is the date where the organisation is. At half past midnight on a Monday in
/// London it is still Sunday in UTC, so every rule that reads "today" must already be on Monday.
/// </summary>
public abstract class OrganisationClockTests(WaypointApp app)
{
    /// <summary>Sunday 14 June 2026, 23:30 UTC: Monday 15 June, 00:30 in London (British Summer Time).</summary>
    public static readonly DateTimeOffset LondonMondayMidnight = new(2026, 6, 14, 23, 30, 0, TimeSpan.Zero);

    private const string Api = "/api/v1/orgs/anytown";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_value_for_todays_date_where_the_council_is_is_taken_and_one_for_tomorrow_is_not()
    {
        var indicator = await app.CreateIndicatorAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");
        var url = $"{Api}/indicators/{indicator}/measurements";

        Assert.Equal(HttpStatusCode.Created, (await member.PostAsync(url, Json("""{"date":"2026-06-15","value":10}"""))).StatusCode);
        var tomorrow = await member.PostAsync(url, Json("""{"date":"2026-06-16","value":11}"""));
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
        var error = JsonDocument.Parse(await tomorrow.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("date")[0].GetString();
        Assert.StartsWith("The date must be today or in the past", error, StringComparison.Ordinal);

        // The refused value never became the latest.
        var latest = await member.GetFromJsonAsync<JsonElement>($"{Api}/indicators/{indicator}");
        Assert.Equal("2026-06-15", latest.GetProperty("latestDate").GetString());
    }

    [Fact]
    public async Task A_check_in_posted_just_after_midnight_on_monday_belongs_to_the_new_week()
    {
        var outcome = await app.CreateOutcomeAsync();
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");

        var posted = await member.PostAsync($"{Api}/outcomes/{outcome}/check-ins", Json("""{"confidence":60,"progress":"New week"}"""));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("2026-06-15", JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("periodStart").GetString());
        var due = await member.GetFromJsonAsync<JsonElement>($"{Api}/check-ins/due");
        Assert.DoesNotContain(due.EnumerateArray(), d => d.GetProperty("outcomeId").GetGuid() == outcome);
    }

    [Fact]
    public async Task A_step_due_on_sunday_is_overdue_once_monday_has_begun_where_the_council_is()
    {
        var outcome = await app.CreateOutcomeAsync();
        var indicator = await app.CreateIndicatorAsync();
        var step = await app.InAnytownAsync(async db =>
        {
            var plan = new StepPlan("Due on Sunday", "a change", indicator, "up", "because", [TestData.Member], new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 14));
            var created = new Step(Guid.NewGuid(), TestData.Anytown, outcome, plan, StepCalendar.Default, LondonMondayMidnight);
            db.Steps.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        });
        var member = await app.ApiClientAsync("anytown", "member@anytown.example");

        Assert.True((await member.GetFromJsonAsync<JsonElement>($"{Api}/steps/{step}")).GetProperty("overdue").GetBoolean());
    }
}

public sealed class ClockedSqliteApp : WaypointApp
{
    public ClockedSqliteApp()
        : base(Waypoint.Data.DatabaseProvider.Sqlite) => StopClockAt(OrganisationClockTests.LondonMondayMidnight);
}

public sealed class ClockedPostgresApp : WaypointApp
{
    public ClockedPostgresApp()
        : base(Waypoint.Data.DatabaseProvider.Postgres) => StopClockAt(OrganisationClockTests.LondonMondayMidnight);
}

public sealed class OrganisationClockOnSqlite(ClockedSqliteApp app) : OrganisationClockTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class OrganisationClockOnPostgres(ClockedPostgresApp app) : OrganisationClockTests(app), IClassFixture<ClockedPostgresApp>;
