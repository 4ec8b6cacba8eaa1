using System.Net;
using AngleSharp.Html.Dom;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Features;

/// <summary>The step reports and the risk appetite and step rules page, as people without JavaScript would use them.</summary>
public abstract class StepReportPagesTests(WaypointApp app)
{
    private const string Leader = "leader@anytown.example";
    private const string Url = "/anytown/risk-appetite";

    /// <summary>What the rules page shows of the stored rules, to compare before and after a refused form.</summary>
    private static string Rules(IHtmlDocument page) => string.Join(" | ",
        page.QuerySelector("textarea#holidays")!.TextContent.Trim(),
        string.Join(",", new[] { "scale", "minimal", "cautious", "open", "eager" }.Select(id => page.QuerySelector($"input#{id}")!.GetAttribute("value"))),
        page.QuerySelector("input#maximumWorkingDays")!.GetAttribute("value"),
        string.Join(",", page.QuerySelectorAll("select[id^='appetite-'] option[selected]").Select(o => o.GetAttribute("value"))));

    [Theory]
    [InlineData("Holidays", "holidays", "2026-12-25\n31 February 2026\n2027-01-01", "Line 2 (“31 February 2026”) is not a date")]
    [InlineData("Holidays", "holidays", "Christmas Day", "Line 1 (“Christmas Day”) is not a date")]
    [InlineData("Box", "maximumWorkingDays", "0", "Enter the longest a step may take, from 1 to 60 working days")]
    [InlineData("Box", "maximumWorkingDays", "ten", "Enter the longest a step may take, from 1 to 60 working days")]
    [InlineData("Scale", "scale", "falling", "Minimal must accept at least as much as Averse")]
    [InlineData("Scale", "scale", "26", "Each level's highest acceptable score must be from 1 to 25")]
    [InlineData("AddCategory", "newCategory", "", "Enter a name for the new risk category")]
    [InlineData("AddCategory", "newCategory", "technology", "The category Technology is listed twice")]
    [InlineData("RemoveCategory", "removeCategory", "", "Choose a category to remove")]
    public async Task A_bad_rule_shows_the_error_summary_keeps_what_was_typed_and_changes_nothing(string handler, string field, string value, string message)
    {
        await app.ReadyAsync();
        var leader = await app.SignedInAsync(Leader);
        var before = Rules(await leader.GetPageAsync(Url));

        var values = (handler, value) switch
        {
            ("Scale", "falling") => new Dictionary<string, string> { ["averse"] = "6", ["minimal"] = "5", ["cautious"] = "8", ["open"] = "12", ["eager"] = "16" },
            ("Scale", _) => new Dictionary<string, string> { ["averse"] = "3", ["minimal"] = "5", ["cautious"] = "8", ["open"] = "12", ["eager"] = value },
            ("AddCategory", _) => new Dictionary<string, string> { ["newCategory"] = value, ["newLevel"] = "Open" },
            _ => new Dictionary<string, string> { [field] = value },
        };
        var response = await leader.SubmitFormAsync(Url, values, handler: handler);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var link = page.QuerySelector($".govuk-error-summary a[href='#{field}']");
        Assert.NotNull(link);
        Assert.Contains(message, link.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{field}"));
        Assert.Contains(message, page.QuerySelector(".govuk-error-message")!.TextContent, StringComparison.Ordinal);
        if (handler == "Holidays")
        {
            Assert.Equal(value, page.QuerySelector("textarea#holidays")!.TextContent.Trim());
        }

        Assert.Equal(before, Rules(await leader.GetPageAsync(Url)));
    }

    [Fact]
    public async Task A_leader_changes_an_appetite_and_the_longest_step_and_everyone_sees_them()
    {
        await app.ReadyAsync();
        var leader = await app.SignedInAsync(Leader);
        var page = await leader.GetPageAsync(Url);
        var index = page.QuerySelectorAll("input[name^='category-']").Single(i => i.GetAttribute("value") == "Strategy").GetAttribute("name")!["category-".Length..];

        var saved = await leader.SubmitFormAsync(Url, new() { [$"appetite-{index}"] = "Eager" }, handler: "Appetites");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Url}?saved=appetites", saved.Headers.Location?.OriginalString);
        (await leader.SubmitFormAsync(Url, new() { ["maximumWorkingDays"] = "15" }, handler: "Box")).EnsureRedirect();
        (await leader.SubmitFormAsync(Url, new() { ["holidays"] = "25 December 2026\n\n2026-12-28\n" }, handler: "Holidays")).EnsureRedirect();

        var after = await leader.GetPageAsync($"{Url}?saved=holidays");
        Assert.Equal("Holidays saved", after.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
        Assert.Equal("2026-12-25\n2026-12-28", after.QuerySelector("textarea#holidays")!.TextContent.Trim());

        // A viewer reads the same rules, with no form to change them.
        var viewer = await (await app.SignedInAsync("viewer@anytown.example")).GetPageAsync(Url);
        Assert.Empty(viewer.QuerySelectorAll("main form"));
        var strategy = viewer.QuerySelectorAll("table tr").Single(r => r.QuerySelector("th")?.TextContent == "Strategy");
        Assert.Equal("Eager", strategy.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Contains("at most 15 working days", viewer.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["25 December 2026", "28 December 2026"], viewer.QuerySelectorAll("main ul.govuk-list--bullet li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task A_member_is_refused_a_change_to_the_rules_with_403_even_with_a_valid_form_token()
    {
        await app.ReadyAsync();
        var member = await app.SignedInAsync("member@anytown.example");
        var page = await member.GetPageAsync(Url);
        Assert.Empty(page.QuerySelectorAll("main form"));
        var token = page.QuerySelector("form[action='/account/sign-out'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var handler in new[] { "Appetites", "AddCategory", "RemoveCategory", "Scale", "Box", "Holidays" })
        {
            var response = await member.PostAsync($"{Url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["appetite-0"] = "Eager", ["category-0"] = "Commercial", ["newCategory"] = "Mischief", ["newLevel"] = "Eager",
                ["removeCategory"] = "Security", ["maximumWorkingDays"] = "60", ["holidays"] = "2026-01-02",
                ["averse"] = "25", ["minimal"] = "25", ["cautious"] = "25", ["open"] = "25", ["eager"] = "25",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var rules = await (await app.SignedInAsync(Leader)).GetPageAsync(Url);
        Assert.DoesNotContain(rules.QuerySelectorAll("input[name^='category-']"), i => i.GetAttribute("value") == "Mischief");
        Assert.Contains(rules.QuerySelectorAll("input[name^='category-']"), i => i.GetAttribute("value") == "Security");
        Assert.NotEqual("25", rules.QuerySelector("input#scale")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_flow_risk_and_learning_pages_show_the_demo_figures()
    {
        await app.ReadyAsync();
        var viewer = await app.SignedInAsync("viewer@anytown.example");

        var flow = await viewer.GetPageAsync("/anytown/flow");
        Assert.Contains("days", flow.QuerySelector(".waypoint-flow")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(26, flow.QuerySelectorAll("figure[data-waypoint-bars='throughput'] tbody tr").Length);
        var team = DemoSeeder.IdFor("anytown/team/Waste Transformation");
        var forTeam = await viewer.GetPageAsync($"/anytown/flow?team={team}");
        Assert.Equal("Steps of Waste Transformation", forTeam.QuerySelector("h2#figures")!.TextContent);
        Assert.Equal(team.ToString(), forTeam.QuerySelector("select#team option[selected]")!.GetAttribute("value"));
        var nobody = await viewer.GetPageAsync($"/anytown/flow?team={DemoSeeder.IdFor("anytown/team/Data and Insight")}");
        Assert.Contains("Not enough steps yet", nobody.QuerySelector(".waypoint-flow")!.TextContent, StringComparison.Ordinal);

        var risk = await viewer.GetPageAsync("/anytown/risk");
        Assert.NotEmpty(risk.QuerySelectorAll("table:not(.waypoint-heat) tbody tr"));
        var cells = risk.QuerySelectorAll("table.waypoint-heat tbody td");
        Assert.Equal(25, cells.Length);
        Assert.Equal(5, risk.QuerySelectorAll("table.waypoint-heat th[scope='col']").Length);
        Assert.Equal(5, risk.QuerySelectorAll("table.waypoint-heat th[scope='row']").Length);
        Assert.StartsWith("Likelihood 5", risk.QuerySelector("table.waypoint-heat tbody th[scope='row']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(high zone, score 25)", cells[4].TextContent, StringComparison.Ordinal);

        var found = await viewer.GetPageAsync("/anytown/learning?q=contractor");
        var results = found.QuerySelectorAll("ul.waypoint-learning > li");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Contains("contractor", r.TextContent, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("/anytown/steps/", results[0].QuerySelector("h3 a")!.GetAttribute("href"), StringComparison.Ordinal);
        var none = await viewer.GetPageAsync("/anytown/learning?q=zeppelin");
        Assert.Equal("No learning found", none.QuerySelector("h2#results")!.TextContent);
        var latest = await viewer.GetPageAsync("/anytown/learning");
        Assert.Equal("Latest learning", latest.QuerySelector("h2#results")!.TextContent);
        Assert.NotEmpty(latest.QuerySelectorAll("ul.waypoint-learning > li"));
    }
}

public sealed class StepReportPagesOnSqlite(SqliteApp app) : StepReportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class StepReportPagesOnPostgres(PostgresApp app) : StepReportPagesTests(app), IClassFixture<PostgresApp>;
