using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Features;

/// <summary>Outcomes, indicators, targets and measurements through the pages, as people without JavaScript would use them.</summary>
public abstract class OutcomePagesTests(WaypointApp app)
{
    private const string Leader = "leader@anytown.example";
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Waste Transformation");
    private static readonly Guid OtherTeam = DemoSeeder.IdFor("anytown/team/Customer Contact");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{field}.month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{field}.year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static Guid IdIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('#')[0].Split('/')[^1]);
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private static async Task<IHtmlDocument> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageClient.ParseAsync(response);
    }

    private static string? ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($".govuk-error-summary a[href='#{field}']")?.TextContent;

    private static async Task<Guid> AddIndicatorAsync(HttpClient client, string name) =>
        IdIn(await client.SubmitFormAsync("/anytown/indicators/new", new()
        {
            ["name"] = name, ["unit"] = "%", ["direction"] = "Increase", ["kind"] = "HowWell", ["cadence"] = "Monthly",
            ["owner"] = $"team:{Team}", ["dataSource"] = "Customer contact system",
        }));

    private static async Task<Guid> AddOutcomeAsync(HttpClient client, string title, string visibility = "Organisation", Guid? team = null) =>
        IdIn(await client.SubmitFormAsync("/anytown/outcomes/new", With(
            new() { ["title"] = title, ["userNeed"] = "As a resident, I need to report a missed bin quickly", ["doneMeans"] = "Seven in ten reports are made online", ["teamId"] = (team ?? Team).ToString(), ["visibility"] = visibility },
            Date("targetDate", Today.AddDays(200)))));

    private static async Task AddTargetAsync(HttpClient client, Guid outcome, Guid indicator)
    {
        var response = await client.SubmitFormAsync($"/anytown/outcomes/{outcome}/targets/new", With(
            new() { ["indicatorId"] = indicator.ToString(), ["baselineValue"] = "40", ["targetValue"] = "70" },
            Date("baselineDate", Today.AddDays(-180)), Date("targetDate", Today.AddDays(180))));
        Assert.Equal($"/anytown/outcomes/{outcome}", response.Headers.Location?.OriginalString);
    }

    private static async Task RecordAsync(HttpClient client, Guid indicator, DateOnly date, string value, bool correction = false, string note = "")
    {
        var values = With(new() { ["value"] = value, ["note"] = note }, Date("date", date));
        if (correction)
        {
            values["correction"] = "true";
        }

        var response = await client.SubmitFormAsync($"/anytown/indicators/{indicator}/measurements/new", values);
        Assert.Equal($"/anytown/indicators/{indicator}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_leader_sets_an_outcome_with_a_target_and_sees_its_progress_chart_and_table()
    {
        var leader = await app.SignedInAsync(Leader);
        var name = Unique("Reports online");
        var title = Unique("Most missed-bin reports online");
        var indicator = await AddIndicatorAsync(leader, name);
        var outcome = await AddOutcomeAsync(leader, title);
        await AddTargetAsync(leader, outcome, indicator);
        await RecordAsync(leader, indicator, Today.AddDays(-90), "47.5");
        await RecordAsync(leader, indicator, Today.AddDays(-30), "55", note: "After the new form went live");

        var page = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        // 55 is half way from 40 to 70, ahead of the line, which expected 40 + 30 × 150/360 = 52.5 then.
        var card = page.QuerySelector(".govuk-summary-card")!;
        Assert.Equal(name, card.QuerySelector("h3")!.TextContent);
        Assert.Contains("On track", card.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("50% of the way", card.TextContent, StringComparison.Ordinal);

        var figure = page.QuerySelector("figure[data-waypoint-chart]")!;
        var rows = figure.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["55%", "52.5%", "After the new form went live"], rows[1].Skip(1));
        Assert.Contains("2 values from", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);

        using var chart = JsonDocument.Parse(figure.QuerySelector("script[type='application/json']")!.TextContent);
        var series = chart.RootElement.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("kind").GetString()!, s => s.GetProperty("points"));
        Assert.Equal(2, series["values"].GetArrayLength());
        Assert.Equal(70m, series["target"][0][1].GetDecimal());
        Assert.Equal(40m, series["trajectory"][0][1].GetDecimal());

        var dashboard = await leader.GetPageAsync("/anytown/outcomes");
        var row = dashboard.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == title);
        Assert.Contains("On track", row.QuerySelector(".govuk-tag")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("55%", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("50% of the way", row.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Up from 47.5%", row.QuerySelector(".waypoint-sparkline__words")!.TextContent, StringComparison.Ordinal);

        var indicatorPage = await leader.GetPageAsync($"/anytown/indicators/{indicator}");
        Assert.Contains(indicatorPage.QuerySelectorAll("main a"), a => a.TextContent == title);
    }

    [Fact]
    public async Task A_second_value_for_a_date_needs_to_be_a_correction_and_both_stay_in_the_history()
    {
        var member = await app.SignedInAsync("member@anytown.example");
        var indicator = await AddIndicatorAsync(await app.SignedInAsync(Leader), Unique("Calls answered"));
        var day = Today.AddDays(-10);
        await RecordAsync(member, indicator, day, "80");

        var conflict = await ErrorsOf(await member.SubmitFormAsync($"/anytown/indicators/{indicator}/measurements/new", With(new() { ["value"] = "82" }, Date("date", day))));
        Assert.Equal($"There is already a value for {day:d MMMM yyyy}. To change it, record a correction", ErrorFor(conflict, "date"));
        Assert.Equal("82", conflict.QuerySelector("#value")!.GetAttribute("value"));

        await RecordAsync(member, indicator, day, "82", correction: true, note: "Late calls counted");
        var page = await member.GetPageAsync($"/anytown/indicators/{indicator}");
        var history = page.QuerySelectorAll("#history tbody tr").Select(r => (Value: r.Children[1].TextContent.Trim(), Standing: r.Children[5].TextContent.Trim(), Note: r.Children[4].TextContent)).ToList();
        Assert.Equal([("82%", "Correction", "Late calls counted"), ("80%", "Replaced", "")], history);
        Assert.Equal("82%", page.QuerySelector("figure tbody tr td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_or_a_date_that_does_not_exist_is_named_and_nothing_is_recorded()
    {
        var leader = await app.SignedInAsync(Leader);
        var indicator = await AddIndicatorAsync(leader, Unique("Repairs fixed"));
        var page = await ErrorsOf(await leader.SubmitFormAsync($"/anytown/indicators/{indicator}/measurements/new", new()
        {
            ["date.day"] = "31", ["date.month"] = "2", ["date.year"] = "2026", ["value"] = "lots",
        }));
        Assert.Equal("The date must be a real date", ErrorFor(page, "date"));
        Assert.Equal("Enter the value as a number, such as 42 or 12.5", ErrorFor(page, "value"));
        Assert.Equal("31", page.QuerySelector("#date")!.GetAttribute("value"));
        Assert.Equal("No values have been recorded yet.", (await leader.GetPageAsync($"/anytown/indicators/{indicator}")).QuerySelectorAll("main p")[^1].TextContent);
    }

    [Fact]
    public async Task Moving_a_target_needs_a_reason_and_the_move_is_kept_with_it()
    {
        var leader = await app.SignedInAsync(Leader);
        var indicator = await AddIndicatorAsync(leader, Unique("Bins collected"));
        var outcome = await AddOutcomeAsync(leader, Unique("Bins collected on time"));
        await AddTargetAsync(leader, outcome, indicator);
        var detail = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        var move = detail.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("Move target", StringComparison.Ordinal)).GetAttribute("href")!;

        var form = await leader.GetPageAsync(move);
        Assert.Equal("70", form.QuerySelector("#targetValue")!.GetAttribute("value"));
        var refused = await ErrorsOf(await leader.SubmitFormAsync(move, With(new() { ["baselineValue"] = "40", ["targetValue"] = "75", ["reason"] = "" },
            Date("baselineDate", Today.AddDays(-180)), Date("targetDate", Today.AddDays(365)))));
        Assert.Equal("Enter the reason for moving the target", ErrorFor(refused, "reason"));
        Assert.DoesNotContain((await leader.GetPageAsync($"/anytown/outcomes/{outcome}")).QuerySelectorAll("caption"), c => c.TextContent == "Re-baselines of this target");

        await leader.SubmitFormAsync(move, With(new() { ["baselineValue"] = "40", ["targetValue"] = "75", ["reason"] = "Carried into next year" },
            Date("baselineDate", Today.AddDays(-180)), Date("targetDate", Today.AddDays(365))));
        var moved = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        var revision = moved.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == "Re-baselines of this target");
        Assert.Contains("to 70% by", revision.TextContent, StringComparison.Ordinal);
        Assert.Equal("Carried into next year", revision.QuerySelector("tbody td:last-child")!.TextContent);
        Assert.Contains(moved.QuerySelectorAll(".govuk-summary-list__value"), v => v.TextContent.Trim().StartsWith("75% by", StringComparison.Ordinal));
        Assert.Contains("\"rebaseline\"", moved.QuerySelector("figure script")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_on_values_that_cannot_be_read_names_every_field_at_fault()
    {
        var leader = await app.SignedInAsync(Leader);
        var outcome = await AddOutcomeAsync(leader, Unique("Shorter queues"));
        var page = await ErrorsOf(await leader.SubmitFormAsync($"/anytown/outcomes/{outcome}/targets/new", new()
        {
            ["indicatorId"] = "", ["baselineDate.day"] = "1", ["baselineDate.month"] = "", ["baselineDate.year"] = "2026", ["baselineValue"] = "forty", ["targetValue"] = "70",
        }));
        Assert.Equal("The baseline date must include a month", ErrorFor(page, "baselineDate"));
        Assert.Equal("Enter the baseline value as a number, such as 42 or 12.5", ErrorFor(page, "baselineValue"));
        Assert.Equal("forty", page.QuerySelector("#baselineValue")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_state_form_offers_only_the_states_an_outcome_may_move_to()
    {
        var leader = await app.SignedInAsync(Leader);
        var outcome = await AddOutcomeAsync(leader, Unique("Fewer repeat calls"));
        static List<string> Offered(IHtmlDocument page) => page.QuerySelectorAll("input[name='state']").Select(i => i.GetAttribute("value")!).ToList();

        Assert.Equal(["Agreed", "Retired"], Offered(await leader.GetPageAsync($"/anytown/outcomes/{outcome}")));
        var refused = await ErrorsOf(await leader.SubmitFormAsync($"/anytown/outcomes/{outcome}/state", new() { ["state"] = "Achieved" }));
        Assert.Equal("An outcome that is Draft can only become Agreed or Retired, not Achieved", ErrorFor(refused, "state"));

        Assert.Equal($"/anytown/outcomes/{outcome}", (await leader.SubmitFormAsync($"/anytown/outcomes/{outcome}/state", new() { ["state"] = "Agreed" })).Headers.Location?.OriginalString);
        var agreed = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Equal(["Active", "Draft", "Retired"], Offered(agreed));
        Assert.Contains(agreed.QuerySelectorAll(".govuk-summary-list__value .govuk-tag"), t => t.TextContent == "Agreed");

        await leader.SubmitFormAsync($"/anytown/outcomes/{outcome}/state", new() { ["state"] = "Retired" });
        var retired = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Empty(Offered(retired));
        Assert.Contains("can no longer change state", retired.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Achieving_an_outcome_with_a_target_off_track_asks_for_a_reason_on_the_state_page_and_shows_it_on_the_outcome()
    {
        var leader = await app.SignedInAsync(Leader);
        var indicatorName = Unique("Reports online");
        var indicator = await AddIndicatorAsync(leader, indicatorName);
        var outcome = await AddOutcomeAsync(leader, Unique("Reports made online"));
        await AddTargetAsync(leader, outcome, indicator);
        var details = $"/anytown/outcomes/{outcome}";
        var state = $"/anytown/outcomes/{outcome}/state";
        foreach (var next in new[] { "Agreed", "Active" })
        {
            Assert.Equal(details, (await leader.SubmitFormAsync(details, new() { ["state"] = next }, action: state)).Headers.Location?.OriginalString);
        }

        // Below the baseline of 40: off track.
        await RecordAsync(leader, indicator, Today.AddDays(-1), "35");
        var page = await leader.GetPageAsync(details);
        Assert.Contains($"To mark it Achieved while its target for {indicatorName} is off track, you will be asked why", page.QuerySelector("#state-hint")!.TextContent, StringComparison.Ordinal);

        // The short form on the outcome page sends no reason, so the state page asks for one, keeping the choice and the revision.
        var asked = await ErrorsOf(await leader.SubmitFormAsync(details, new() { ["state"] = "Achieved" }, action: state));
        Assert.Equal($"Enter why this outcome is achieved while its target for {indicatorName} is off track", ErrorFor(asked, "reason"));
        Assert.Equal("textarea", asked.QuerySelector("#reason")!.LocalName);
        Assert.Contains($"because its target for {indicatorName} is off track", asked.QuerySelector("#reason-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Achieved", asked.QuerySelector("input[name='state']:checked")!.GetAttribute("value"));
        Assert.Equal(Waypoint.Core.Outcomes.OutcomeState.Active, await app.WithDbAsync(db => db.Outcomes.IgnoreQueryFilters().Where(o => o.Id == outcome).Select(o => o.State).SingleAsync()));

        // Given on the state page, the reason is kept with the change and shown in the outcome's history.
        var reason = "Seven in ten reports were online by March; the count fell when the CRM changed";
        Assert.Equal(details, (await leader.SubmitFormAsync(state, new() { ["state"] = "Achieved", ["reason"] = reason })).Headers.Location?.OriginalString);
        var achieved = await leader.GetPageAsync(details);
        var rows = achieved.QuerySelectorAll("#state-changes tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["From Draft to Agreed", "From Agreed to Active", "From Active to Achieved"], rows.Select(r => r[1]));
        Assert.Equal("Jordan Lee", rows[2][2]);
        Assert.StartsWith(reason, rows[2][3], StringComparison.Ordinal);
        Assert.EndsWith($"Off track then: {indicatorName}", rows[2][3], StringComparison.Ordinal);
        Assert.Equal("No reason given", rows[0][3]);
    }

    [Fact]
    public async Task A_stale_state_form_is_refused_even_when_it_brings_a_reason()
    {
        var leader = await app.SignedInAsync(Leader);
        var outcome = await AddOutcomeAsync(leader, Unique("Fewer letters"));
        var state = $"/anytown/outcomes/{outcome}/state";
        var form = await leader.GetPageAsync(state);
        var drawnAt = form.QuerySelector("input[name='revision']")!.GetAttribute("value")!;
        Assert.Equal($"/anytown/outcomes/{outcome}", (await leader.SubmitFormAsync(state, new() { ["state"] = "Agreed" })).Headers.Location?.OriginalString);

        // A second tab, drawn before that change, tries to retire it.
        var stale = await ErrorsOf(await leader.SubmitFormAsync(state, new() { ["state"] = "Retired", ["reason"] = "No longer needed", ["revision"] = drawnAt }));
        Assert.Contains("Someone changed this since you opened it", stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("No longer needed", stale.QuerySelector("#reason")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutcomeStateChanges.IgnoreQueryFilters().CountAsync(c => c.OutcomeId == outcome)));
    }

    [Fact]
    public async Task A_private_outcome_is_hidden_from_a_viewer_but_not_from_a_member()
    {
        var leader = await app.SignedInAsync(Leader);
        var title = Unique("Private restructure");
        var outcome = await AddOutcomeAsync(leader, title, visibility: "Private");

        var viewer = await app.SignedInAsync("viewer@anytown.example");
        Assert.DoesNotContain(title, (await viewer.GetPageAsync("/anytown/outcomes")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/anytown/outcomes/{outcome}")).StatusCode);

        var member = await app.SignedInAsync("member@anytown.example");
        Assert.Contains(title, (await member.GetPageAsync("/anytown/outcomes")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, (await member.GetPageAsync($"/anytown/outcomes/{outcome}")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_viewer_can_read_but_cannot_reach_the_forms()
    {
        var leader = await app.SignedInAsync(Leader);
        var indicator = await AddIndicatorAsync(leader, Unique("Permits issued"));
        var outcome = await AddOutcomeAsync(leader, Unique("Permits in a day"));
        var viewer = await app.SignedInAsync("viewer@anytown.example");

        foreach (var form in new[] { "/anytown/outcomes/new", "/anytown/indicators/new", $"/anytown/outcomes/{outcome}/edit", $"/anytown/outcomes/{outcome}/targets/new", $"/anytown/indicators/{indicator}/measurements/new" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(form)).StatusCode);
        }

        var page = await viewer.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Empty(page.QuerySelectorAll("form[action$='/state']"));
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.StartsWith("Change", StringComparison.Ordinal) || a.TextContent == "Add a target");
        Assert.DoesNotContain((await viewer.GetPageAsync($"/anytown/indicators/{indicator}")).QuerySelectorAll("main a"), a => a.TextContent == "Record a value");
    }

    [Fact]
    public async Task A_team_dashboard_shows_only_that_teams_outcomes_and_the_team_page_links_to_it()
    {
        var leader = await app.SignedInAsync(Leader);
        var ours = Unique("Our outcome");
        var theirs = Unique("Their outcome");
        await AddOutcomeAsync(leader, ours);
        await AddOutcomeAsync(leader, theirs, team: OtherTeam);

        var team = await leader.GetPageAsync($"/anytown/teams/{Team}");
        var link = team.QuerySelectorAll("main a").Single(a => a.TextContent == "See this team’s outcomes").GetAttribute("href")!;
        var dashboard = await leader.GetPageAsync(link);
        Assert.Equal("Outcomes of Waste Transformation", dashboard.QuerySelector("h1")!.TextContent);
        var titles = dashboard.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Contains(ours, titles);
        Assert.DoesNotContain(theirs, titles);
        Assert.Equal(Team.ToString(), dashboard.QuerySelector("#teamId option[selected]")!.GetAttribute("value"));

        var drafts = await leader.GetPageAsync("/anytown/outcomes?state=Active");
        Assert.DoesNotContain(drafts.QuerySelectorAll("tbody tr td:first-child a"), a => a.TextContent == ours);
    }

    [Fact]
    public async Task An_outcome_form_names_what_is_missing_and_keeps_what_was_typed()
    {
        var leader = await app.SignedInAsync(Leader);
        var page = await ErrorsOf(await leader.SubmitFormAsync("/anytown/outcomes/new", new()
        {
            ["title"] = "Kept", ["userNeed"] = "", ["targetDate.day"] = "30", ["targetDate.month"] = "2", ["targetDate.year"] = "2027", ["teamId"] = Team.ToString(),
        }));
        Assert.Equal("The target date must be a real date", ErrorFor(page, "targetDate"));
        Assert.Equal("Kept", page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal("30", page.QuerySelector("#targetDate")!.GetAttribute("value"));

        var missing = await ErrorsOf(await leader.SubmitFormAsync("/anytown/outcomes/new", With(new() { ["title"] = "Kept", ["userNeed"] = "", ["teamId"] = Team.ToString() }, Date("targetDate", Today.AddDays(30)))));
        Assert.Equal("Enter a user need", ErrorFor(missing, "userNeed"));
    }

    [Fact]
    public async Task Changing_an_outcome_aligns_it_under_another_and_a_cycle_is_refused()
    {
        var leader = await app.SignedInAsync(Leader);
        var (wider, narrower) = (Unique("Cleaner streets"), Unique("Fewer missed bins"));
        var parent = await AddOutcomeAsync(leader, wider);
        var child = await AddOutcomeAsync(leader, narrower);
        Dictionary<string, string> Definition(string title, Guid? parentId) => With(
            new() { ["title"] = title, ["userNeed"] = "A need", ["doneMeans"] = "Done", ["teamId"] = Team.ToString(), ["visibility"] = "Organisation", ["parentId"] = parentId?.ToString() ?? "" },
            Date("targetDate", Today.AddDays(100)));

        var form = await leader.GetPageAsync($"/anytown/outcomes/{child}/edit");
        Assert.Equal(narrower, form.QuerySelector("#title")!.GetAttribute("value"));
        Assert.DoesNotContain(form.QuerySelectorAll("#parentId option"), o => o.GetAttribute("value") == child.ToString());
        Assert.Equal($"/anytown/outcomes/{child}", (await leader.SubmitFormAsync($"/anytown/outcomes/{child}/edit", Definition(narrower, parent))).Headers.Location?.OriginalString);

        var parentPage = await leader.GetPageAsync($"/anytown/outcomes/{parent}");
        Assert.Contains(parentPage.QuerySelectorAll("main li a"), a => a.TextContent == narrower);
        var childPage = await leader.GetPageAsync($"/anytown/outcomes/{child}");
        Assert.Contains(childPage.QuerySelectorAll(".govuk-summary-list__value a"), a => a.TextContent == wider);

        var cycle = await ErrorsOf(await leader.SubmitFormAsync($"/anytown/outcomes/{parent}/edit", Definition(wider, child)));
        Assert.Equal("An outcome cannot contribute to itself or to one of the outcomes that contribute to it", ErrorFor(cycle, "parentId"));
    }

    [Fact]
    public async Task An_indicator_needs_one_owner_named_in_the_owner_field()
    {
        var leader = await app.SignedInAsync(Leader);
        var page = await ErrorsOf(await leader.SubmitFormAsync("/anytown/indicators/new", new()
        {
            ["name"] = Unique("Ownerless"), ["unit"] = "days", ["direction"] = "Decrease", ["kind"] = "HowWell", ["cadence"] = "Weekly", ["owner"] = "",
        }));
        Assert.Equal("Choose either the team or the service that owns this indicator", ErrorFor(page, "owner"));
        Assert.NotNull(page.QuerySelector("select#owner"));

        var service = DemoSeeder.IdFor("anytown/service/Housing repairs");
        var name = Unique("Days to fix a repair");
        var indicator = IdIn(await leader.SubmitFormAsync("/anytown/indicators/new", new()
        {
            ["name"] = name, ["unit"] = "days", ["direction"] = "Decrease", ["kind"] = "HowWell", ["cadence"] = "Weekly", ["owner"] = $"service:{service}",
        }));
        var edit = await leader.GetPageAsync($"/anytown/indicators/{indicator}/edit");
        Assert.Equal($"service:{service}", edit.QuerySelector("#owner option[selected]")!.GetAttribute("value"));
        Assert.Contains((await leader.GetPageAsync("/anytown/indicators")).QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(name, StringComparison.Ordinal) && r.TextContent.Contains("Housing repairs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_help_page_states_the_rules_with_their_numbers()
    {
        var viewer = await app.SignedInAsync("viewer@anytown.example");
        var page = await viewer.GetPageAsync("/anytown/outcomes/help");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("by no more than 10% of the whole distance", text, StringComparison.Ordinal);
        Assert.Contains("Monthly: overdue when the latest value is more than 46 days old", text, StringComparison.Ordinal);
        Assert.Equal(["Off track", "Overdue", "No data", "At risk", "On track"], page.QuerySelectorAll("ol li").Select(li => li.TextContent).ToList());
    }
}

public sealed class OutcomePagesOnSqlite(SqliteApp app) : OutcomePagesTests(app), IClassFixture<SqliteApp>;

public sealed class OutcomePagesOnPostgres(PostgresApp app) : OutcomePagesTests(app), IClassFixture<PostgresApp>;
