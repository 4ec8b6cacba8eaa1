using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Core.Steps;
using Waypoint.Features.CheckIns;
using Waypoint.Features.Demo;
using Waypoint.Features.Mindset;
using Waypoint.Features.Steps;

namespace Waypoint.Tests.Features;

/// <summary>
/// Numbers read the way people expect, across the product: every shown figure rounds halves away from zero through
/// <see cref="Figures"/>, and a word judged from a figure (a band, a signal) agrees with the figure shown beside it.
/// </summary>
public sealed class ShownWordsTests
{
    [Fact]
    public void Percentages_of_confidence_flow_and_risk_round_halves_up()
    {
        Assert.Equal("13%", CheckInWords.Percent(0.125));
        Assert.Equal("13%", ReportWords.Percent(0.125));
        Assert.Equal("3%", ReportWords.Percent(0.025));
        Assert.Equal("0.063", CheckInWords.Score(0.0625));
    }

    [Fact]
    public void Days_and_impacts_round_halves_up()
    {
        Assert.Equal("2.3 days", ReportWords.Days(2.25));
        Assert.Equal("1 day", ReportWords.Days(0.95));
        Assert.Equal("2.5", ReportWords.Impact(2.45));
    }

    [Fact]
    public void A_mindset_band_is_judged_on_the_mean_shown()
    {
        Assert.Equal("2.5", MindsetWords.Score(2.45));
        Assert.Equal("middling", MindsetWords.Band(2.45));
        Assert.Equal("weak", MindsetWords.Band(2.44));
        Assert.Equal("strong", MindsetWords.Band(3.45));
    }
}

/// <summary>Pages as people read them, with every figure recomputed from the stored data by the same rule.</summary>
public abstract class ShownFiguresTests(WaypointApp app)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Waste Transformation");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{field}.month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{field}.year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(params Dictionary<string, string>[] parts) => parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static Guid IdIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('#')[0].Split('/')[^1]);
    }

    [Fact]
    public async Task An_outcomes_progress_and_its_charts_table_round_halves_up()
    {
        var leader = await app.SignedInAsync("leader@anytown.example");
        var indicator = IdIn(await leader.SubmitFormAsync("/anytown/indicators/new", new()
        {
            ["name"] = $"Rounding {Guid.NewGuid():N}"[..17], ["unit"] = "%", ["direction"] = "Increase", ["kind"] = "HowWell", ["cadence"] = "Monthly",
            ["owner"] = $"team:{Team}", ["dataSource"] = "Test",
        }));
        var outcome = IdIn(await leader.SubmitFormAsync("/anytown/outcomes/new", With(
            new() { ["title"] = $"Rounding {Guid.NewGuid():N}"[..17], ["userNeed"] = "As a reader I need figures rounded as at school", ["doneMeans"] = "They are", ["teamId"] = Team.ToString(), ["visibility"] = "Organisation" },
            Date("targetDate", Today.AddDays(200)))));
        // From 0 a hundred days ago to 4.66 a hundred days on: half way to the middle, the line expects 1.165.
        await leader.SubmitFormAsync($"/anytown/outcomes/{outcome}/targets/new", With(
            new() { ["indicatorId"] = indicator.ToString(), ["baselineValue"] = "0", ["targetValue"] = "4.66" },
            Date("baselineDate", Today.AddDays(-100)), Date("targetDate", Today.AddDays(100))));
        // 0.5825 is 12.5% of the way to 4.66.
        await leader.SubmitFormAsync($"/anytown/indicators/{indicator}/measurements/new", With(new() { ["value"] = "0.5825", ["note"] = "" }, Date("date", Today.AddDays(-50))));

        var page = await leader.GetPageAsync($"/anytown/outcomes/{outcome}");
        Assert.Contains($"{Figures.Text(0.5825m / 4.66m * 100m, 0)}% of the way", page.QuerySelector(".govuk-summary-card")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("13% of the way", page.QuerySelector(".govuk-summary-card")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(page.QuerySelectorAll("figure[data-waypoint-chart] tbody tr"));
        // Expected 1.165: halves away from zero gives 1.17 (rounding to even gave 1.16).
        Assert.Equal(["0.5825%", "1.17%"], row.QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task The_risk_report_shows_rates_recomputed_from_the_ended_steps_and_a_signal_that_agrees_with_them()
    {
        var steps = await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.OrganisationId == Anytown && s.Risk != null).ToListAsync());
        var ended = steps.Where(s => s.IsClosed && s.RiskMaterialised is not null).GroupBy(s => s.Risk!.Category).ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(ended);

        var admin = await app.SignedInAsync("admin@anytown.example");
        var page = await admin.GetPageAsync("/anytown/risk");
        var rows = page.QuerySelectorAll("table:not(.waypoint-heat) tbody tr").ToList();
        Assert.Equal(ended.Count, rows.Count);
        foreach (var row in rows)
        {
            var category = row.QuerySelector("th a")!.FirstChild!.TextContent.Trim();
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            var those = ended[category];
            var expected = Figures.Percent(those.Average(s => RiskReport.Chance(s.Risk!.Likelihood)));
            var actual = Figures.Percent(those.Count(s => s.RiskMaterialised == true), those.Count);
            Assert.Equal([those.Count.ToString(CultureInfo.InvariantCulture), $"{Figures.Text(expected, 0)}%", $"{Figures.Text(actual, 0)}%"], cells.Take(3));

            var impacts = those.Where(s => s.RiskMaterialised == true && s.MaterialisedImpact is not null).Select(s => (double)s.MaterialisedImpact!.Value).ToList();
            Assert.Equal(impacts.Count == 0 ? "Never happened" : Figures.Text(impacts.Average(), 1), cells[3]);

            // The words beside the two percentages are judged on them as shown: more than 15 points apart or not.
            var signal = those.Count < RiskReport.MinimumSteps ? AppetiteSignal.TooFewToSay
                : actual < expected - 15 ? AppetiteSignal.MayBeTooTimid
                : actual > expected + 15 ? AppetiteSignal.MayBeTooBold
                : AppetiteSignal.AsExpected;
            Assert.Equal(ReportWords.Signal(signal), cells[4]);
        }
    }

    [Fact]
    public async Task The_flow_page_shows_lead_times_and_the_share_in_the_box_recomputed_from_the_steps()
    {
        var steps = await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.OrganisationId == Anytown)
            .Select(s => new FlowStep(s.Status, s.DueDate, s.ReadyOn, s.FinishedOn)).ToListAsync());
        var done = steps.Where(s => s.Status == StepStatus.Done && s.ReadyOn is not null && s.FinishedOn is not null).ToList();
        var leadTimes = done.Select(s => (double)(s.FinishedOn!.Value.DayNumber - s.ReadyOn!.Value.DayNumber)).ToList();
        string Days(double? days) => Figures.Round(days!.Value, 1) is var shown && shown == 1m ? "1 day" : $"{shown.ToString("0.#", CultureInfo.InvariantCulture)} days";

        var admin = await app.SignedInAsync("admin@anytown.example");
        var strong = (await admin.GetPageAsync("/anytown/flow")).QuerySelectorAll(".waypoint-flow strong").Select(s => s.TextContent.Trim()).ToList();
        var holidays = (await app.WithDbAsync(db => db.StepSettings.IgnoreQueryFilters().Where(s => s.OrganisationId == Anytown).Select(s => s.Holidays).SingleOrDefaultAsync()))?.ToHashSet() ?? [];
        var figures = FlowFigures.Of(steps, holidays);
        Assert.Equal(Days(Flow.Percentile(leadTimes, 50)), strong[0]);
        Assert.Equal(Days(Flow.Percentile(leadTimes, 85)), strong[1]);
        Assert.Equal(Figures.PercentText(figures.ShareInBox!.Value), strong[3]);
        Assert.Equal(figures.Done, done.Count);
    }
}

public sealed class ShownFiguresOnSqlite(SqliteApp app) : ShownFiguresTests(app), IClassFixture<SqliteApp>;

public sealed class ShownFiguresOnPostgres(PostgresApp app) : ShownFiguresTests(app), IClassFixture<PostgresApp>;
