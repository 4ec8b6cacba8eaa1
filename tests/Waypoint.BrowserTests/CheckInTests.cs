using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Access;
using Waypoint.Core.Organisations;
using Waypoint.Core.Outcomes;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Outcomes;
using Waypoint.Infrastructure.Tenancy;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class CheckInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Member_checks_in_from_the_due_list_sees_it_in_the_history_and_reads_the_calibration_pages()
    {
        var (id, title) = await ActiveOutcomeAsync();
        await Page.SignInAsync("member@anytown.example");

        await Page.ClickMenuAsync("Check-ins");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Your check-ins this week");
        await Page.ClickLinkAsync($"Check in on {title}");
        Assert.Equal($"/anytown/outcomes/{id}/check-ins/new", Page.Path());

        // A confidence over 100 is refused with the error summary, and what was typed stays.
        await Page.FillInAsync("Progress", "The new phone menu is live for housing calls");
        await Page.FillInAsync("Confidence, in percent", "101");
        await Page.ClickButtonAsync("Check in");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Enter your confidence as a whole number from 0 to 100");
        await Expect(Page.GetByLabel("Progress", new() { Exact = true })).ToHaveValueAsync("The new phone menu is live for housing calls");

        await Page.FillInAsync("Confidence, in percent", "65");
        await Page.FillInAsync("Asks for help (optional)", "A content designer for two days");
        await Page.ClickButtonAsync("Check in");
        Assert.Equal($"/anytown/outcomes/{id}", Page.Path());

        var history = Page.Locator("ul.waypoint-check-ins > li");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history.First).ToContainTextAsync("Casey Brown");
        await Expect(history.First).ToContainTextAsync("65%");
        await Expect(history.First).ToContainTextAsync("A content designer for two days");
        var canvas = Page.Locator("figure[data-waypoint-chart^='confidence-'] canvas");
        await Expect(canvas).ToBeVisibleAsync();
        await Expect(canvas).ToHaveAccessibleNameAsync("Confidence over time");

        // Checking in again this week is an edit, and the form says so.
        await Page.ClickButtonAsync("Check in on this outcome");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Change your check-in for this week");
        await Page.FillInAsync("Confidence, in percent", "55");
        await Page.ClickButtonAsync("Change check-in");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.Last).ToContainTextAsync("Replaced by an edit");

        await Page.ClickLinkAsync("how well-calibrated confidence has been");
        await Expect(Page.MainHeading()).ToHaveTextAsync("How well-calibrated our confidence is");
        var diagram = Page.Locator("figure[data-waypoint-reliability] canvas");
        await Expect(diagram).ToBeVisibleAsync();
        await Expect(diagram).ToHaveAccessibleNameAsync("Reliability diagram");
        await Page.ClickLinkAsync("What calibration and these scores mean");
        await Expect(Page.MainHeading()).ToHaveTextAsync("What calibration means");
    }

    [Fact]
    public async Task Leader_checks_in_on_a_teams_outcomes_in_one_form()
    {
        await Page.SignInAsync("leader@anytown.example");
        await Page.ClickMenuAsync("Teams");
        await Page.ClickLinkAsync("Customer Contact");
        await Page.ClickLinkAsync("Check in on all of this team’s outcomes");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Check in on the team’s outcomes");

        // Sent empty, the form asks for at least one check-in; then one outcome is updated and the rest left blank.
        await Page.ClickButtonAsync("Save check-ins");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Check in on at least one outcome");
        await Page.Locator("#row-0-progress").FillAsync("Call-back pilot extended to two more wards");
        await Page.Locator("#row-0-confidence").FillAsync("60");
        await Page.ClickButtonAsync("Save check-ins");
        Assert.Equal("/anytown/check-ins", Page.Path());
    }

    private async Task<(Guid Id, string Title)> ActiveOutcomeAsync()
    {
        var id = await Browser.App.OutcomeWithValuesAsync();
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(DemoSeeder.IdFor("anytown"));
        var anytown = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "anytown");
        scope.ServiceProvider.GetRequiredService<OrganisationContext>()
            .Enter(anytown, new Viewer(DemoSeeder.IdFor("leader@anytown.example"), Role.Leader, OrganisationTime.Today(anytown, TimeProvider.System)));
        var outcomes = scope.ServiceProvider.GetRequiredService<OutcomeService>();
        await outcomes.MoveAsync(id, new StateChange(OutcomeState.Agreed), CancellationToken.None);
        var moved = await outcomes.MoveAsync(id, new StateChange(OutcomeState.Active), CancellationToken.None);
        return (id, moved!.Title);
    }
}
