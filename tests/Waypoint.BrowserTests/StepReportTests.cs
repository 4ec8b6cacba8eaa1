using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class StepReportTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Leader_reads_flow_for_a_team_and_the_risk_report_then_changes_an_appetite_and_is_refused_a_falling_scale()
    {
        await Page.SignInAsync("leader@anytown.example");
        await Page.ClickMenuAsync("Steps");
        await Expect(Page.MainHeading()).ToHaveTextAsync("How our steps flow");
        var chart = Page.Locator("figure[data-waypoint-bars='throughput'] canvas");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAccessibleNameAsync("Steps done each week");

        await Page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Waste Transformation" });
        await Page.ClickButtonAsync("Show flow");
        await Expect(Page.Locator("h2#figures")).ToHaveTextAsync("Steps of Waste Transformation");

        await Page.ClickLinkAsync("Risk report");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Risk report");
        await Expect(Page.Locator("table.waypoint-heat tbody td")).ToHaveCountAsync(25);

        await Page.ClickLinkAsync("Risk appetite and step rules");
        var strategy = Page.GetByLabel("Appetite for Strategy", new() { Exact = true });
        var was = await strategy.InputValueAsync();
        await strategy.SelectOptionAsync("Eager");
        await Page.ClickButtonAsync("Save appetites");
        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("Appetites saved");
        await Expect(strategy).ToHaveValueAsync("Eager");

        // A scale that falls as appetite rises is refused, and the field keeps what was typed.
        await Page.FillInAsync("Averse", "9");
        await Page.ClickButtonAsync("Save scale");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Minimal must accept at least as much as Averse");
        await Expect(Page.GetByLabel("Averse", new() { Exact = true })).ToHaveValueAsync("9");

        // Put the shared demo back as it was for other tests.
        await strategy.SelectOptionAsync(was);
        await Page.ClickButtonAsync("Save appetites");
        await Expect(Page.GetByLabel("Averse", new() { Exact = true })).ToHaveValueAsync("3");
    }

    [Fact]
    public async Task Leader_searches_the_learning_library_and_finds_the_step()
    {
        await Page.SignInAsync("leader@anytown.example");
        await Page.GoToAsync("/anytown/flow");
        await Page.ClickLinkAsync("Learning library");
        await Expect(Page.Locator("h2#results")).ToHaveTextAsync("Latest learning");

        await Page.FillInAsync("Search the learning", "contractor");
        await Page.ClickButtonAsync("Search");
        var first = Page.Locator("ul.waypoint-learning > li").First;
        await Expect(first).ToContainTextAsync("contractor");
        await Expect(first.Locator("h3 a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/anytown/steps/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task Keyboard_alone_sends_the_longest_step_form_and_reaches_the_field_from_the_error_summary()
    {
        await Page.SignInAsync("leader@anytown.example");
        await Page.GoToAsync("/anytown/risk-appetite");

        var field = Page.GetByLabel("Longest step, in working days", new() { Exact = true });
        await field.FocusAsync();
        await Page.Keyboard.PressAsync("ControlOrMeta+A");
        await Page.Keyboard.TypeAsync("0");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save longest step" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => url.Contains("handler=Box", StringComparison.Ordinal));
        await Page.CheckPageAsync();

        // GOV.UK Frontend focuses the summary; its link takes the keyboard to the field.
        await Expect(Page.ErrorSummary()).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.ErrorSummary().GetByRole(AriaRole.Link)).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("0");
    }
}
