using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core;
using Waypoint.Core.CheckIns;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;
using IElement = AngleSharp.Dom.IElement;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Tests.Features;

/// <summary>Check-ins and calibration through the pages, as people without JavaScript would use them.</summary>
public abstract class CheckInPagesTests(WaypointApp app)
{
    private const string Member = "member@anytown.example";
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Customer Contact");

    /// <summary>A fresh active outcome, so that each test has its own week of check-ins.</summary>
    private async Task<Guid> ActiveOutcomeAsync(string title, OutcomeState state = OutcomeState.Active)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        var outcome = new Outcome(Guid.NewGuid(), Anytown, Team, title, "A need", "Done", new DateOnly(2027, 6, 30), null, Visibility.Organisation, DateTimeOffset.UtcNow);
        outcome.MoveTo(OutcomeState.Agreed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        outcome.MoveTo(OutcomeState.Active, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        if (state != OutcomeState.Active)
        {
            outcome.MoveTo(state, [], null, Guid.Empty, DateTimeOffset.UtcNow);
        }

        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync();
        return outcome.Id;
    }

    [Fact]
    public async Task One_person_checks_in_on_every_team_outcome_in_one_form_all_or_nothing()
    {
        // A team with no demo outcomes, given two of its own.
        var team = DemoSeeder.IdFor("anytown/team/Data and Insight");
        var ids = new List<Guid>();
        foreach (var title in new[] { "A clearer data catalogue", "B fewer duplicate records" })
        {
            ids.Add(await app.WithDbAsync(async db =>
            {
                db.Scope.EnterOrganisation(Anytown);
                var outcome = new Outcome(Guid.NewGuid(), Anytown, team, title, "A need", "Done", new DateOnly(2027, 6, 30), null, Visibility.Organisation, DateTimeOffset.UtcNow);
                outcome.MoveTo(OutcomeState.Agreed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
                db.Outcomes.Add(outcome);
                await db.SaveChangesAsync();
                return outcome.Id;
            }));
        }

        var leader = await app.SignedInAsync("leader@anytown.example");
        var url = $"/anytown/teams/{team}/check-in";
        var form = await leader.GetPageAsync(url);
        Assert.Equal(["A clearer data catalogue", "B fewer duplicate records"], form.QuerySelectorAll("fieldset h2").Select(h => h.TextContent.Trim()));

        var refused = await PageClient.ParseAsync(await leader.SubmitFormAsync(url, new()
        {
            ["row-0-progress"] = "Catalogue drafted", ["row-0-confidence"] = "70",
            ["row-1-progress"] = "Matching rules agreed", ["row-1-confidence"] = "150",
        }));
        Assert.Equal("Enter your confidence as a whole number from 0 to 100", refused.QuerySelector(".govuk-error-summary a[href='#row-1-confidence']")!.TextContent);
        Assert.Equal("Catalogue drafted", refused.QuerySelector("#row-0-progress")!.TextContent);
        Assert.Equal(0, await CountAsync(ids[0]) + await CountAsync(ids[1]));

        var saved = await leader.SubmitFormAsync(url, new() { ["row-0-progress"] = "Catalogue drafted", ["row-0-confidence"] = "70%" });
        Assert.Equal("/anytown/check-ins", saved.Headers.Location?.OriginalString);
        Assert.Equal((1, 0), (await CountAsync(ids[0]), await CountAsync(ids[1])));
        var again = await leader.GetPageAsync(url);
        Assert.Contains("You already checked in on this outcome this week", again.QuerySelectorAll("fieldset")[0].TextContent, StringComparison.Ordinal);
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    private Task<int> CountAsync(Guid outcome) =>
        app.WithDbAsync(db => db.CheckIns.IgnoreQueryFilters().CountAsync(c => c.OutcomeId == outcome));

    private static List<IElement> History(IHtmlDocument page) =>
        page.QuerySelectorAll("ul.waypoint-check-ins > li").ToList();

    [Fact]
    public async Task A_member_checks_in_through_the_form_sees_it_in_the_history_and_an_edit_replaces_it()
    {
        var outcome = await ActiveOutcomeAsync(Unique("Fewer repeat calls"));
        var member = await app.SignedInAsync(Member);
        var form = $"/anytown/outcomes/{outcome}/check-ins/new";

        var outcomePage = await member.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Contains(outcomePage.QuerySelectorAll("a"), a => a.GetAttribute("href") == form);
        var empty = await member.GetPageAsync(form);
        Assert.Null(empty.QuerySelector(".govuk-warning-text"));
        Assert.Equal("numeric", empty.QuerySelector("input#confidence")!.GetAttribute("inputmode"));

        var posted = await member.SubmitFormAsync(form, new() { ["progress"] = "Online form live in two wards", ["confidence"] = "70", ["asks"] = "A content designer" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/anytown/outcomes/{outcome}#check-ins", posted.Headers.Location?.OriginalString);

        var page = await member.GetPageAsync($"/anytown/outcomes/{outcome}");
        var entry = Assert.Single(History(page));
        Assert.Contains("Casey Brown", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("70%", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Online form live in two wards", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("A content designer", entry.TextContent, StringComparison.Ordinal);
        var figure = page.QuerySelector("figure[data-waypoint-chart^='confidence-']")!;
        Assert.Equal("70%", figure.QuerySelector("tbody tr td:nth-child(2)")!.TextContent);
        using (var chart = JsonDocument.Parse(figure.QuerySelector("script[type='application/json']")!.TextContent))
        {
            Assert.Equal(70m, chart.RootElement.GetProperty("series")[0].GetProperty("points")[0][1].GetDecimal());
        }

        // The second time this week, the form says it changes the first, and does.
        var again = await member.GetPageAsync(form);
        Assert.Contains("Sending this form changes that check-in", again.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("70", again.QuerySelector("input#confidence")!.GetAttribute("value"));
        (await member.SubmitFormAsync(form, new() { ["progress"] = "Ward three slipped a week", ["confidence"] = "55", ["asks"] = "" })).EnsureRedirect();

        var history = History(await member.GetPageAsync($"/anytown/outcomes/{outcome}"));
        Assert.Equal(2, history.Count);
        Assert.Contains("55%", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Edited", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("70%", history[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Replaced by an edit", history[1].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "60", "progress", "Enter a few sentences on progress")]
    [InlineData("All going well", "101", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    [InlineData("All going well", "sure", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    [InlineData("All going well", "", "confidence", "Enter your confidence as a whole number from 0 to 100")]
    public async Task A_bad_check_in_shows_the_error_summary_and_writes_nothing(string progress, string confidence, string field, string message)
    {
        var outcome = await ActiveOutcomeAsync(Unique("Fewer repeat calls"));
        var member = await app.SignedInAsync(Member);
        var response = await member.SubmitFormAsync($"/anytown/outcomes/{outcome}/check-ins/new", new() { ["progress"] = progress, ["confidence"] = confidence });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector($".govuk-error-summary a[href='#{field}']")?.TextContent);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(confidence, page.QuerySelector("input#confidence")!.GetAttribute("value") ?? string.Empty);
        Assert.Equal(0, await CountAsync(outcome));
    }

    [Fact]
    public async Task A_viewer_sees_the_history_but_may_not_check_in()
    {
        var outcome = await ActiveOutcomeAsync(Unique("Fewer repeat calls"));
        var viewer = await app.SignedInAsync("viewer@anytown.example");
        var page = await viewer.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.NotNull(page.QuerySelector("#check-ins"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith("/check-ins/new", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/anytown/outcomes/{outcome}/check-ins/new")).StatusCode);
    }

    [Fact]
    public async Task A_long_history_shows_the_newest_ten_folds_the_rest_away_and_charts_every_week_on_the_whole_scale()
    {
        var outcome = await ActiveOutcomeAsync(Unique("Fewer repeat calls"));
        var casey = DemoSeeder.IdFor(Member);
        await app.WithDbAsync(async db =>
        {
            db.Scope.EnterOrganisation(Anytown);
            var o = await db.Outcomes.SingleAsync(x => x.Id == outcome);
            var monday = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
            for (var week = 0; week < 12; week++)
            {
                db.CheckIns.Add(CheckIn.Post(o, casey, CheckInCadence.Weekly, 40 + week, $"Week {week + 1}", null, null, false, null, DateOnly.FromDateTime(monday.AddDays(7 * week).UtcDateTime), monday.AddDays(7 * week)));
            }

            return await db.SaveChangesAsync();
        });

        var page = await (await app.SignedInAsync("viewer@anytown.example")).GetPageAsync($"/anytown/outcomes/{outcome}");
        var recent = page.QuerySelectorAll("#check-ins ~ ul.waypoint-check-ins > li");
        Assert.Equal(10, recent.Length);
        Assert.Contains("Week 12", recent[0].TextContent, StringComparison.Ordinal);
        var older = page.QuerySelector("#check-ins ~ details.govuk-details")!;
        Assert.Contains("Older check-ins (2)", older.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, older.QuerySelectorAll("ul.waypoint-check-ins > li").Length);

        var figure = page.QuerySelector("figure[data-waypoint-chart^='confidence-']")!;
        Assert.Equal(12, figure.QuerySelectorAll("tbody tr").Length);
        using var chart = JsonDocument.Parse(figure.QuerySelector("script[type='application/json']")!.TextContent);
        Assert.Equal((0m, 100m), (chart.RootElement.GetProperty("min").GetDecimal(), chart.RootElement.GetProperty("max").GetDecimal()));
    }

    [Fact]
    public async Task A_retired_outcome_offers_no_check_in_and_its_form_says_why()
    {
        var outcome = await ActiveOutcomeAsync(Unique("Fewer repeat calls"), OutcomeState.Retired);
        var member = await app.SignedInAsync(Member);
        var page = await member.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.EndsWith("/check-ins/new", StringComparison.Ordinal) == true);

        var form = await member.GetPageAsync($"/anytown/outcomes/{outcome}/check-ins/new");
        Assert.Contains("This outcome is Retired: it takes no more check-ins.", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("form textarea"));
    }

    [Fact]
    public async Task The_due_list_links_to_each_open_outcomes_form_until_checked_in()
    {
        var title = Unique("Fewer repeat calls");
        var outcome = await ActiveOutcomeAsync(title);
        var member = await app.SignedInAsync(Member);
        var form = $"/anytown/outcomes/{outcome}/check-ins/new";

        var before = await member.GetPageAsync("/anytown/check-ins");
        Assert.Equal("Your check-ins this week", before.QuerySelector("h1")!.TextContent);
        Assert.Contains(before.QuerySelectorAll("#navigation a"), a => a.TextContent.Trim() == "Check-ins" && a.GetAttribute("href") == "/anytown/check-ins");
        Assert.Equal($"Check in on {title}", before.QuerySelectorAll(".waypoint-due a").Single(a => a.GetAttribute("href") == form).TextContent);

        (await member.SubmitFormAsync(form, new() { ["progress"] = "On plan", ["confidence"] = "80" })).EnsureRedirect();
        var after = await member.GetPageAsync("/anytown/check-ins");
        Assert.DoesNotContain(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == form);

        var viewer = await app.SignedInAsync("viewer@anytown.example");
        Assert.DoesNotContain((await viewer.GetPageAsync("/anytown/outcomes")).QuerySelectorAll("#navigation a"), a => a.TextContent.Trim() == "Check-ins");
    }

    [Fact]
    public async Task The_demo_leaders_own_calibration_shows_a_brier_score_with_its_parts_table_and_help()
    {
        var leader = await app.SignedInAsync("leader@anytown.example");
        var page = await leader.GetPageAsync("/anytown/calibration?person=me");

        Assert.Equal("Your forecasts", page.QuerySelector("#report")!.TextContent);
        var rows = page.QuerySelectorAll(".waypoint-calibration .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);
        Assert.Equal(["Resolved outcomes", "Resolved forecasts", "Weighting", "Brier score", "Reliability", "Resolution", "Uncertainty"], rows.Keys);
        Assert.True(int.Parse(rows["Resolved forecasts"], CultureInfo.InvariantCulture) >= 10);
        Assert.True(int.Parse(rows["Resolved outcomes"], CultureInfo.InvariantCulture) >= 5);
        Assert.Equal("Each outcome weighs the same", rows["Weighting"]);
        var brier = double.Parse(page.QuerySelector(".waypoint-brier")!.TextContent, CultureInfo.InvariantCulture);
        // Jordan is persistently over-confident in the demo: worse than always saying 50 %.
        Assert.InRange(brier, 0.25, 1);
        Assert.NotEmpty(page.QuerySelectorAll("figure[data-waypoint-reliability] tbody tr"));
        using (var diagram = JsonDocument.Parse(page.QuerySelector("#reliability-data")!.TextContent))
        {
            Assert.Equal(page.QuerySelectorAll("figure[data-waypoint-reliability] tbody tr").Length, diagram.RootElement.GetProperty("points").GetArrayLength());
        }

        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/anytown/calibration/help");
        var help = await leader.GetPageAsync("/anytown/calibration/help");
        Assert.Contains("always saying 50%", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("each outcome weighs the same", help.QuerySelector("#weighting + p + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("every forecast the same (pooled)", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 10 forecasts on at least 5 resolved outcomes", help.QuerySelector("#enough + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teams_calibration_says_what_it_rests_on_judges_only_on_five_outcomes_and_shows_the_score_worked_out_from_its_check_ins()
    {
        var team = await app.CreateTeamAsync();
        var leader = await app.SignedInAsync("leader@anytown.example");
        var url = $"/anytown/calibration?team={team}";
        static Dictionary<string, string> Rows(IHtmlDocument page) => page.QuerySelectorAll(".waypoint-calibration .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);

        // Twelve forecasts on two outcomes: enough check-ins, too few outcomes.
        var outcomes = new List<(Guid Id, OutcomeState End, int[] Confidences)>
        {
            (await app.CreateOutcomeAsync(team: team), OutcomeState.Achieved, [70, 75, 80, 80, 85, 90]),
            (await app.CreateOutcomeAsync(team: team), OutcomeState.Missed, [60, 60, 55, 50, 40, 30]),
        };
        foreach (var (id, end, confidences) in outcomes)
        {
            await app.CheckInAsync(id, TestData.Member, confidences);
            await app.ResolveAsync(id, end);
        }

        var few = await leader.GetPageAsync(url);
        Assert.Contains("12 forecasts on 2 outcomes have resolved: too few to judge", few.QuerySelector("main .govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 10 forecasts on at least 5 outcomes", few.QuerySelector("main .govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(few.QuerySelector(".waypoint-brier"));

        foreach (var (end, confidences) in new (OutcomeState, int[])[] { (OutcomeState.Achieved, [65]), (OutcomeState.Missed, [45, 35]), (OutcomeState.Achieved, [95]) })
        {
            var id = await app.CreateOutcomeAsync(team: team);
            await app.CheckInAsync(id, TestData.Member, confidences);
            await app.ResolveAsync(id, end);
            outcomes.Add((id, end, confidences));
        }

        // Worked out from the check-ins as stored, not from Core: per outcome, then pooled.
        var ids = outcomes.Select(o => o.Id).ToList();
        var stored = await app.WithDbAsync(db => db.CheckIns.IgnoreQueryFilters().Where(c => ids.Contains(c.OutcomeId)).Select(c => new { c.OutcomeId, c.Confidence }).ToListAsync());
        var errors = outcomes.Select(o => stored.Where(c => c.OutcomeId == o.Id).Select(c => Math.Pow((c.Confidence / 100.0) - (o.End == OutcomeState.Achieved ? 1 : 0), 2)).ToList()).ToList();
        var perOutcome = errors.Average(e => e.Average());
        var pooled = errors.SelectMany(e => e).Average();

        var judged = await leader.GetPageAsync(url);
        var rows = Rows(judged);
        Assert.Equal(("5", "16", "Each outcome weighs the same"), (rows["Resolved outcomes"], rows["Resolved forecasts"], rows["Weighting"]));
        Assert.Equal(Figures.Text(perOutcome, 3), judged.QuerySelector(".waypoint-brier")!.TextContent);
        Assert.Equal("PerOutcome", judged.QuerySelector("input[name='weighting']:checked")!.GetAttribute("value"));
        var bands = judged.QuerySelectorAll("figure[data-waypoint-reliability] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(16, bands.Sum(b => int.Parse(b[0], CultureInfo.InvariantCulture)));
        Assert.All(bands, b => Assert.InRange(int.Parse(b[1], CultureInfo.InvariantCulture), 1, 5));

        var all = await leader.GetPageAsync($"{url}&weighting=Pooled");
        Assert.Equal("Every forecast weighs the same (pooled)", Rows(all)["Weighting"]);
        Assert.Equal(Figures.Text(pooled, 3), all.QuerySelector(".waypoint-brier")!.TextContent);
        Assert.NotEqual(Figures.Text(perOutcome, 3), Figures.Text(pooled, 3));
        Assert.Equal("Pooled", all.QuerySelector("input[name='weighting']:checked")!.GetAttribute("value"));
    }

    [Fact]
    public async Task With_too_few_resolved_forecasts_the_calibration_page_shows_no_score_and_bad_dates_are_named()
    {
        var viewer = await app.SignedInAsync("viewer@anytown.example");
        var page = await viewer.GetPageAsync("/anytown/calibration?person=me");
        Assert.Contains("too few to judge", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".waypoint-brier"));

        var bad = await viewer.GetPageAsync("/anytown/calibration?from.day=31&from.month=2&from.year=2026");
        Assert.Equal("The start date must be a real date", bad.QuerySelector(".govuk-error-summary a[href='#from']")?.TextContent);
        Assert.Null(bad.QuerySelector("#report"));
    }
}

internal static class RedirectAssertions
{
    public static void EnsureRedirect(this HttpResponseMessage response) => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
}

public sealed class CheckInPagesOnSqlite(SqliteApp app) : CheckInPagesTests(app), IClassFixture<SqliteApp>;

public sealed class CheckInPagesOnPostgres(PostgresApp app) : CheckInPagesTests(app), IClassFixture<PostgresApp>;
