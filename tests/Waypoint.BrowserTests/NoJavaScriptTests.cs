using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

/// <summary>Pages work without JavaScript: forms are plain posts that redirect, and JavaScript only enhances.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(javaScriptEnabled: false);

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task Signs_in_and_adds_a_team_without_javascript()
    {
        var name = $"No script {Guid.NewGuid():N}"[..18];

        await _page.SignInAsync("admin@anytown.example");
        Assert.Equal("/anytown", _page.Path());
        await Expect(_page.MainHeading()).ToHaveTextAsync("Anytown Borough Council");
        Assert.False(await _page.EvaluateAsync<bool>("() => document.body.classList.contains('js-enabled')"), "The page's script ran, though JavaScript was off.");

        await _page.ClickMenuAsync("Teams");
        await _page.ClickButtonAsync("Add a team");
        await _page.ClickButtonAsync("Add team");
        await Expect(_page.ErrorSummary()).ToContainTextAsync("Enter a team name");

        await _page.FillInAsync("Team name", name);
        await _page.ClickButtonAsync("Add team");
        await Expect(_page).ToHaveURLAsync(new Regex("/anytown/teams/[0-9a-f-]{36}$"));
        await Expect(_page.MainHeading()).ToHaveTextAsync(name);
    }
}
