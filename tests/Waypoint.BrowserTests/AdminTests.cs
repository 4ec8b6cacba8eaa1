using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class AdminTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Admin_sees_the_people_the_add_a_person_form_and_the_audit_trail()
    {
        await Page.SignInAsync("admin@anytown.example");

        await Page.ClickMenuAsync("People");
        Assert.Equal("/anytown/people", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("People");
        await Expect(Page.Locator("tbody tr").First).ToContainTextAsync("Alex Morgan");
        var jordan = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "leader@anytown.example" });
        await Expect(jordan).ToContainTextAsync("Jordan Lee");
        await Expect(jordan).ToContainTextAsync("Leader");

        await Page.ClickButtonAsync("Add a person");
        Assert.Equal("/anytown/people/new", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Add a person");
        await Expect(Page.GetByLabel("Role", new() { Exact = true })).ToBeVisibleAsync();

        await Page.ClickMenuAsync("Audit trail");
        Assert.Equal("/anytown/audit", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Audit trail");
        await Expect(Page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_adds_a_team_after_the_form_points_out_the_missing_name()
    {
        var name = $"Team {Guid.NewGuid():N}"[..13];
        await Page.SignInAsync("admin@anytown.example");
        await Page.ClickMenuAsync("Teams");
        await Page.ClickButtonAsync("Add a team");
        Assert.Equal("/anytown/teams/new", Page.Path());

        await Page.ClickButtonAsync("Add team");
        await Expect(Page).ToHaveTitleAsync("Error: Add a team – Waypoint");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("There is a problem");
        var error = Page.ErrorSummary().GetByRole(AriaRole.Link, new() { Name = "Enter a team name" });
        await Expect(error).ToHaveAttributeAsync("href", "#name");
        await Expect(Page.Locator("#name-error")).ToContainTextAsync("Enter a team name");

        // The summary's link takes the person to the field at fault.
        await error.ClickAsync();
        var field = Page.GetByLabel("Team name", new() { Exact = true });
        await Expect(field).ToBeFocusedAsync();

        await field.FillAsync(name);
        await Page.FillInAsync("What the team does (optional)", "Tried out by the browser tests.");
        await Page.ClickButtonAsync("Add team");
        await Expect(Page).ToHaveURLAsync(new Regex("/anytown/teams/[0-9a-f-]{36}$"));
        await Expect(Page.MainHeading()).ToHaveTextAsync(name);
        await Expect(Page.Locator(".govuk-summary-list")).ToContainTextAsync("Tried out by the browser tests.");

        await Page.ClickMenuAsync("Audit trail");
        var newest = Page.GetByRole(AriaRole.Row).Nth(1);
        await Expect(newest).ToContainTextAsync("Alex Morgan");
        await Expect(newest).ToContainTextAsync("Created Team");
        await newest.GetByText("Before and after").ClickAsync();
        await Expect(newest).ToContainTextAsync(name);
    }
}
