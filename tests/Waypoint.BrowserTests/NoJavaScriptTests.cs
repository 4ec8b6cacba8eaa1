using System.Globalization;
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
    [Fact]
    public async Task Step_is_proposed_and_moved_on_the_board_without_javascript()
    {
        var outcome = await browser.App.OutcomeWithValuesAsync();
        var title = $"No script step {Guid.NewGuid():N}"[..23];
        var start = DateOnly.FromDateTime(DateTime.UtcNow);

        await _page.SignInAsync("member@anytown.example");
        await _page.GoToAsync($"/anytown/steps/new?outcome={outcome}");
        await _page.FillInAsync("Title", title);
        await _page.FillInAsync("We believe that", "we read the caller's account before answering");
        await _page.GetByLabel("will move", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await _page.FillInAsync("with the effect", "up by a point or two");
        await _page.FillInAsync("because", "callers repeat themselves");
        foreach (var (legend, date) in new[] { ("Start date", start), ("Due date", start.AddDays(3)) })
        {
            var group = _page.GetByRole(AriaRole.Group, new() { Name = legend });
            await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
            await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
            await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
        }

        await _page.ClickButtonAsync("Propose step");
        await Expect(_page.MainHeading()).ToHaveTextAsync(title);

        // On the board, the move is a plain form post that comes back to the board.
        await _page.GoToAsync($"/anytown/outcomes/{outcome}/steps");
        var move = _page.GetByRole(AriaRole.Region, new() { Name = "Idea" }).GetByRole(AriaRole.Button, new() { Name = "Move to Ready" });
        // The button names its step for screen readers (the hidden part is a block, so Chromium spaces it off).
        await Expect(move).ToHaveAccessibleNameAsync(new Regex($"^Move to Ready\\s*: {Regex.Escape(title)}$"));
        await move.ClickAsync();
        await _page.CheckPageAsync();
        Assert.Equal($"/anytown/outcomes/{outcome}/steps", _page.Path());
        await Expect(_page.GetByRole(AriaRole.Region, new() { Name = "Ready" })).ToContainTextAsync(title);
    }
}
