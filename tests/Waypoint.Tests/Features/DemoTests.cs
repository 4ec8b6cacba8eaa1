using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Features;

/// <summary>The demo council shows every state and status, so a newcomer sees a living organisation.</summary>
public abstract class DemoTests(WaypointApp app)
{
    [Fact]
    public async Task Anytown_has_two_years_of_outcomes_in_every_state_and_status()
    {
        var leader = await app.ApiClientAsync("anytown", "leader@anytown.example");
        var outcomes = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/orgs/anytown/outcomes/?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(outcomes.Count >= 12);
        var states = outcomes.Select(o => o.GetProperty("state").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Draft", "Agreed", "Active", "Achieved", "Missed" }, states);
        var statuses = outcomes.Select(o => o.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "OnTrack", "AtRisk", "OffTrack", "Overdue", "NoData" }, statuses);

        var indicators = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/orgs/anytown/indicators/")).GetProperty("total").GetInt32();
        Assert.True(indicators >= 20);
        var span = await app.WithDbAsync(async db =>
        {
            var dates = await db.Measurements.IgnoreQueryFilters().Select(m => m.Date).ToListAsync();
            return dates.Max().DayNumber - dates.Min().DayNumber;
        });
        Assert.True(span >= 700, $"Measurements span {span} days, less than two years.");
        var rebaselined = await app.WithDbAsync(db => db.TargetRevisions.IgnoreQueryFilters()
            .Join(db.Targets.IgnoreQueryFilters(), r => r.TargetId, t => t.Id, (r, t) => t.OutcomeId).Distinct().CountAsync());
        Assert.Equal(1, rebaselined);
    }

    [Fact]
    public async Task Anytown_check_ins_show_who_is_well_calibrated_and_who_is_over_confident()
    {
        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example", Waypoint.Core.Access.TokenScope.Read);
        async Task<JsonElement> ScoreAsync(string email) =>
            await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/anytown/calibration?person={DemoSeeder.IdFor(email)}");

        var casey = await ScoreAsync("member@anytown.example");
        var jordan = await ScoreAsync("leader@anytown.example");
        Assert.True(casey.GetProperty("canJudge").GetBoolean());
        Assert.True(casey.GetProperty("resolvedOutcomes").GetInt32() >= 5);
        Assert.True(jordan.GetProperty("resolvedForecasts").GetInt32() >= 100);
        Assert.True(jordan.GetProperty("brier").GetDouble() > casey.GetProperty("brier").GetDouble() + 0.1,
            $"Jordan {jordan.GetProperty("brier")} should score clearly worse than Casey {casey.GetProperty("brier")}.");
        Assert.True(jordan.GetProperty("reliability").GetDouble() > casey.GetProperty("reliability").GetDouble());
    }

    [Fact]
    public async Task Anytown_keeps_each_change_of_state_and_one_outcome_was_achieved_with_a_reason_while_a_target_was_off_track()
    {
        var viewer = await app.ApiClientAsync("anytown", "viewer@anytown.example", Waypoint.Core.Access.TokenScope.Read);
        var changes = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/anytown/outcomes/{DemoSeeder.IdFor("anytown/outcome/Repairs booked online")}/state-changes");
        Assert.Equal([("Draft", "Agreed"), ("Agreed", "Active"), ("Active", "Achieved")],
            changes.EnumerateArray().Select(c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString())));
        var achieved = changes[2];
        Assert.StartsWith("Online booking was the end-goal", achieved.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Repair appointments kept first time"], achieved.GetProperty("offTrackTargets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Jordan Lee", achieved.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Otherton_sees_none_of_it()
    {
        var otherton = await app.ApiClientAsync("otherton", "admin@otherton.example");
        var outcomes = await otherton.GetFromJsonAsync<JsonElement>("/api/v1/orgs/otherton/outcomes/");
        Assert.Equal(0, outcomes.GetProperty("total").GetInt32());
    }
}

public sealed class DemoOnSqlite(SqliteApp app) : DemoTests(app), IClassFixture<SqliteApp>;

public sealed class DemoOnPostgres(PostgresApp app) : DemoTests(app), IClassFixture<PostgresApp>;
