using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Indicators;
using Waypoint.Features.Outcomes;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed partial class OutcomeTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Leader_sets_an_outcome_with_a_target_records_values_and_sees_the_chart_and_its_table()
    {
        var indicator = $"Reports made online {Guid.NewGuid():N}"[..28];
        var title = $"Most missed-bin reports online {Guid.NewGuid():N}"[..38];
        await Page.SignInAsync("leader@anytown.example");

        // An indicator, with three values.
        await Page.ClickMenuAsync("Indicators");
        await Page.ClickButtonAsync("Add an indicator");
        await Page.FillInAsync("Name", indicator);
        await Page.FillInAsync("Unit", "%");
        await Page.GetByLabel("Increase", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("How well did we do it?").CheckAsync();
        await Page.GetByLabel("Monthly").CheckAsync();
        await Page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Waste Transformation" });
        await Page.ClickButtonAsync("Add indicator");
        await Expect(Page.MainHeading()).ToHaveTextAsync(indicator);
        var indicatorPath = Page.Path();

        foreach (var (daysAgo, value) in new[] { (100, "44"), (60, "49.5"), (20, "56") })
        {
            await Page.ClickButtonAsync("Record a value");
            await Page.FillInDateAsync("Date the value is for", Today.AddDays(-daysAgo));
            await Page.FillInAsync("Value, in %", value);
            await Page.ClickButtonAsync("Record value");
            Assert.Equal(indicatorPath, Page.Path());
        }

        await Expect(Page.Locator("#history tbody tr")).ToHaveCountAsync(3);

        // An outcome, with a target on that indicator.
        await Page.ClickMenuAsync("Outcomes");
        await Page.ClickButtonAsync("Add an outcome");
        await Page.FillInAsync("Title", title);
        await Page.FillInAsync("User need", "As a resident, I need to report a missed bin without phoning");
        await Page.FillInAsync("What done means", "Seven in ten missed-bin reports are made online");
        await Page.FillInDateAsync("Target date", Today.AddDays(240));
        await Page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Waste Transformation" });
        await Page.ClickButtonAsync("Add outcome");
        await Expect(Page.MainHeading()).ToHaveTextAsync(title);
        var outcomePath = Page.Path();

        await Page.ClickButtonAsync("Add a target");
        await Page.GetByLabel("Indicator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{indicator} (%, should increase)" });
        await Page.FillInDateAsync("Baseline date", Today.AddDays(-120));
        await Page.FillInAsync("Baseline value", "40");
        await Page.FillInDateAsync("Target date", Today.AddDays(240));
        await Page.FillInAsync("Target value", "70");
        await Page.ClickButtonAsync("Add target");
        Assert.Equal(outcomePath, Page.Path());

        // The chart is drawn, named, and has its data beside it as a table.
        var figure = Page.Locator("figure[data-waypoint-chart]");
        var canvas = figure.Locator("canvas");
        await Expect(canvas).ToBeVisibleAsync();
        await Expect(canvas).ToHaveAccessibleNameAsync($"{indicator} against its target");
        await Expect(canvas).ToHaveAccessibleDescriptionAsync(new Regex("^" + Regex.Escape(indicator) + ": from a baseline of 40%"));
        Assert.Equal(3, await canvas.EvaluateAsync<int>("c => Chart.getChart(c).data.datasets.find(d => d.label === 'Measured values').data.length"));
        Assert.True(await canvas.EvaluateAsync<bool>(HasInk), "The chart's canvas is blank.");
        await Expect(figure.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(figure.Locator("tbody tr").Last).ToContainTextAsync("56%");
        await Expect(Page.Locator(".govuk-summary-card")).ToContainTextAsync("On track");

        // Moving the target needs a reason; the move is then kept and shown on the chart.
        await Page.ClickLinkAsync($"Move target for {indicator}");
        await Page.FillInAsync("Target value", "75");
        await Page.ClickButtonAsync("Move target");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Enter the reason for moving the target");
        await Page.FillInAsync("Why the target is moving", "Carried into the next year with a higher goal");
        await Page.ClickButtonAsync("Move target");
        Assert.Equal(outcomePath, Page.Path());
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Re-baselines of this target" })).ToContainTextAsync("Carried into the next year");
        Assert.Equal(2, await canvas.EvaluateAsync<int>("c => Chart.getChart(c).data.datasets.find(d => d.label === 'Re-baselined').data.filter(p => p.y !== null).length"));

        // The state form offers only what the rules allow.
        await Expect(Page.GetByRole(AriaRole.Group, new() { Name = "Move this outcome to" }).GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Page.GetByLabel("Agreed", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Change state");
        await Expect(Page.Locator(".govuk-summary-list").First).ToContainTextAsync("Agreed");

        // The dashboard shows it with a trend line, and the words for it remain for screen readers.
        await Page.ClickMenuAsync("Outcomes");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("On track");
        await Expect(row).ToContainTextAsync("56%");
        await Expect(row.Locator(".waypoint-sparkline canvas")).ToBeVisibleAsync();
        await Expect(row.Locator(".waypoint-sparkline__words")).ToHaveTextAsync(new Regex("^Up from 44%"));
        await Page.ClickLinkAsync("How statuses are worked out");
        await Expect(Page.MainHeading()).ToHaveTextAsync("How statuses are worked out");
    }

    [Fact]
    public async Task Without_javascript_the_outcome_page_shows_the_charts_table_and_summary()
    {
        var id = await Browser.App.OutcomeWithValuesAsync();
        var page = await Browser.NewPageAsync(javaScriptEnabled: false);
        try
        {
            await page.SignInAsync("viewer@anytown.example");
            await page.GoToAsync($"/anytown/outcomes/{id}");
            var figure = page.Locator("figure[data-waypoint-chart]");
            await Expect(figure.Locator("canvas")).ToHaveCountAsync(0);
            await Expect(figure.Locator("figcaption")).ToContainTextAsync("2 values from");
            await Expect(figure.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
            await Expect(figure.Locator("tbody tr")).ToHaveCountAsync(2);

            await page.ClickMenuAsync("Outcomes");
            await Expect(page.Locator(".waypoint-sparkline__words").First).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Leader_marks_an_outcome_achieved_while_its_target_is_off_track_and_is_asked_why()
    {
        var (id, indicator) = await Browser.App.ActiveOutcomeOffTrackAsync();
        await Page.SignInAsync("leader@anytown.example");
        await Page.GoToAsync($"/anytown/outcomes/{id}");
        await Expect(Page.Locator(".govuk-summary-card")).ToContainTextAsync("Off track");
        var moveTo = Page.GetByRole(AriaRole.Group, new() { Name = "Move this outcome to" });
        await Expect(moveTo).ToContainTextAsync($"To mark it Achieved while its target for {indicator} is off track, you will be asked why");

        // The short form on the outcome page sends no reason: the state page asks for it.
        await moveTo.GetByLabel("Achieved", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Change state");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Change the state");
        await Expect(Page.ErrorSummary()).ToContainTextAsync($"Enter why this outcome is achieved while its target for {indicator} is off track");
        await Expect(Page.GetByLabel("Achieved", new() { Exact = true })).ToBeCheckedAsync();
        await Page.ErrorSummary().GetByRole(AriaRole.Link).ClickAsync();
        var reason = Page.GetByLabel("Why the state is changing");
        await Expect(reason).ToBeFocusedAsync();

        await reason.FillAsync("Nine in ten calls were answered first time in the spring; the figure fell when the phone menu changed");
        await Page.ClickButtonAsync("Change state");
        Assert.Equal($"/anytown/outcomes/{id}", Page.Path());
        var history = Page.GetByRole(AriaRole.Table, new() { Name = "Changes of state" });
        await Expect(history.Locator("tbody tr").Last).ToContainTextAsync("From Active to Achieved");
        await Expect(history.Locator("tbody tr").Last).ToContainTextAsync("the figure fell when the phone menu changed");
        await Expect(history.Locator("tbody tr").Last).ToContainTextAsync($"Off track then: {indicator}");
    }

    /// <summary>Whether anything has been drawn on a canvas: some pixel that is not transparent.</summary>
    private const string HasInk = """
        c => {
          const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          for (let i = 3; i < pixels.length; i += 4) {
            if (pixels[i] !== 0) return true;
          }
          return false;
        }
        """;
}

public static class OutcomePageExtensions
{
    /// <summary>Types a date into the GOV.UK date input whose legend is given.</summary>
    public static async Task FillInDateAsync(this IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}

public static class OutcomeData
{
    /// <summary>
    /// An outcome like <see cref="OutcomeWithValuesAsync"/>, made active by the demo leader, whose target has since
    /// fallen below its baseline: off track. Returns its id and the name of the target's indicator.
    /// </summary>
    public static async Task<(Guid Outcome, string Indicator)> ActiveOutcomeOffTrackAsync(this WaypointApp app)
    {
        var id = await app.OutcomeWithValuesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
        var anytown = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "anytown");
        var today = Waypoint.Core.Organisations.OrganisationTime.Today(anytown, TimeProvider.System);
        scope.ServiceProvider.GetRequiredService<Waypoint.Infrastructure.Tenancy.OrganisationContext>()
            .Enter(anytown, new Waypoint.Core.Access.Viewer(DemoSeeder.IdFor("leader@anytown.example"), Waypoint.Core.Access.Role.Leader, today));
        var (outcomes, indicators) = (scope.ServiceProvider.GetRequiredService<OutcomeService>(), scope.ServiceProvider.GetRequiredService<IndicatorService>());
        await outcomes.MoveAsync(id, new StateChange(OutcomeState.Agreed), CancellationToken.None);
        await outcomes.MoveAsync(id, new StateChange(OutcomeState.Active), CancellationToken.None);
        var indicator = (await outcomes.FindAsync(id, CancellationToken.None))!.Summary.Targets.Single().Indicator;
        await indicators.RecordAsync(indicator.Id, new(today.AddDays(-1), 60, "After the phone menu changed"), MeasurementSource.Manual, CancellationToken.None);
        return (id, indicator.Name);
    }

    /// <summary>An outcome everyone in anytown may see, with a target on a new indicator that has two values; returns its id.</summary>
    public static async Task<Guid> OutcomeWithValuesAsync(this WaypointApp app)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
        var anytown = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "anytown");
        scope.ServiceProvider.GetRequiredService<Waypoint.Infrastructure.Tenancy.OrganisationContext>()
            .Enter(anytown, new Waypoint.Core.Access.Viewer(null, Waypoint.Core.Access.Role.Leader, Waypoint.Core.Organisations.OrganisationTime.Today(anytown, TimeProvider.System)));
        var (outcomes, indicators) = (scope.ServiceProvider.GetRequiredService<OutcomeService>(), scope.ServiceProvider.GetRequiredService<IndicatorService>());
        var team = DemoSeeder.IdFor("anytown/team/Customer Contact");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var indicator = await indicators.CreateAsync(
            new IndicatorInput($"Calls answered {Guid.NewGuid():N}", "%", Direction.Increase, IndicatorKind.HowWell, Cadence.Monthly, null, team, null), CancellationToken.None);
        await indicators.RecordBatchAsync(indicator.Id, [new(today.AddDays(-50), 71, null), new(today.AddDays(-20), 74, "After the new phone menu")], MeasurementSource.Manual, oneValue: false, CancellationToken.None);
        var outcome = await outcomes.CreateAsync(
            new OutcomeInput(team, $"Calls answered first time {Guid.NewGuid():N}", "As a caller, I need an answer first time", "Nine in ten calls answered", today.AddDays(200), null, Visibility.Organisation, null),
            CancellationToken.None);
        await outcomes.AddTargetAsync(outcome.Id, new TargetInput(indicator.Id, today.AddDays(-60), 70, today.AddDays(200), 90, null, null), CancellationToken.None);
        return outcome.Id;
    }
}
