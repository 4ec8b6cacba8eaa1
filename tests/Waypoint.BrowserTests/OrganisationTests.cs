using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class OrganisationTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Leader_signs_in_to_the_organisation_home_and_reads_its_teams_and_services()
    {
        await Page.SignInAsync("leader@anytown.example");
        Assert.Equal("/anytown", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Anytown Borough Council");
        await Expect(Page.GetByText("Signed in as Jordan Lee")).ToBeVisibleAsync();

        await Page.ClickMenuAsync("Teams");
        Assert.Equal("/anytown/teams", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Teams");
        // Only admins change the directory: a leader is not offered the button.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add a team" })).ToHaveCountAsync(0);

        await Page.ClickLinkAsync("Digital Services");
        await Expect(Page).ToHaveURLAsync(new Regex("/anytown/teams/[0-9a-f-]{36}$"));
        await Expect(Page.MainHeading()).ToHaveTextAsync("Digital Services");
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Designs and builds the council's online services");

        await Page.ClickMenuAsync("Services");
        Assert.Equal("/anytown/services", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Services");
        await Expect(Page.Locator("tbody tr").First).ToContainTextAsync("Council Tax");

        await Page.ClickLinkAsync("Parking permits");
        await Expect(Page).ToHaveURLAsync(new Regex("/anytown/services/[0-9a-f-]{36}$"));
        await Expect(Page.MainHeading()).ToHaveTextAsync("Parking permits");
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Tom Okafor");
    }

    [Fact]
    public async Task Unknown_team_shows_the_page_not_found()
    {
        await Page.SignInAsync("leader@anytown.example");

        await Page.GoToAsync("/anytown/teams/00000000-0000-0000-0000-000000000001", expectedStatus: 404);
        await Expect(Page.MainHeading()).ToHaveTextAsync("Page not found");
        await Expect(Page).ToHaveTitleAsync("Page not found – Waypoint");
    }

    [Fact]
    public async Task Api_documentation_lists_the_api_for_anyone()
    {
        await Page.GoToAsync("/api-docs");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Waypoint API");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "/api/v1/orgs/{org}/teams", Exact = true }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "OpenAPI document" }).First).ToHaveAttributeAsync("href", "/openapi/v1.json");
    }
}
