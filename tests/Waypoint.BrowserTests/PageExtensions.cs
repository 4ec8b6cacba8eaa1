using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Waypoint.BrowserTests;

/// <summary>
/// What a person does in the browser, said the way they would say it. Every step that leads to a new page waits
/// for it, then checks it (see <see cref="CheckPageAsync"/>), so every page a test visits is checked.
/// </summary>
public static partial class PageExtensions
{
    /// <summary>Set to a folder to keep a full-page screenshot of every page the tests visit, to look at.</summary>
    public const string ScreenshotsVariable = "WAYPOINT_SCREENSHOTS";

    private static int _screenshots;

    /// <summary>Goes to an address of the app, as if typed in, expecting the given status.</summary>
    public static async Task GoToAsync(this IPage page, string path, int expectedStatus = 200)
    {
        await page.GotoAsync(path);
        await page.CheckPageAsync(expectedStatus);
    }

    /// <summary>Signs in through the sign-in page and waits for wherever it leads.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = WaypointApp.DemoPassword)
    {
        await page.GoToAsync("/account/sign-in");
        await page.FillInAsync("Email address", email);
        await page.FillInAsync("Password", password);
        await page.ClickButtonAsync("Sign in");
    }

    /// <summary>Types into the field with this label. (Not FillAsync: the page has one of those, taking a selector.)</summary>
    public static Task FillInAsync(this IPage page, string label, string value) =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>Presses a button (or a link styled as one) that leads to another page.</summary>
    public static async Task ClickButtonAsync(this IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await page.CheckPageAsync();
    }

    /// <summary>Follows a link in the page's content.</summary>
    public static async Task ClickLinkAsync(this IPage page, string name)
    {
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.CheckPageAsync();
    }

    /// <summary>Follows a link in the organisation's menu in the page header.</summary>
    public static async Task ClickMenuAsync(this IPage page, string name)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" })
            .GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.CheckPageAsync();
    }

    /// <summary>The page's one main heading.</summary>
    public static ILocator MainHeading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The GOV.UK error summary at the top of a form that was sent with mistakes.</summary>
    public static ILocator ErrorSummary(this IPage page) => page.Locator(".govuk-error-summary");

    /// <summary>The path part of the page's address, such as <c>/anytown/teams</c>.</summary>
    public static string Path(this IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>
    /// Waits for the page that is loading to finish, then checks it: it came with the expected status, nothing on it
    /// failed (see <see cref="PageProblems"/>), and axe finds no WCAG 2.2 AA violation.
    /// </summary>
    public static async Task CheckPageAsync(this IPage page, int expectedStatus = 200)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.SaveScreenshotAsync();
        var (status, problems) = PageProblems.Take(page);
        Assert.True(status == expectedStatus, $"{page.Url} answered {status}, not {expectedStatus}.");
        Assert.True(problems.Count == 0, $"{page.Url} had problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        await page.AssertAccessibleAsync();
    }

    private static async Task SaveScreenshotAsync(this IPage page)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var name = $"{Interlocked.Increment(ref _screenshots):000}{NotFileNameCharacters().Replace(page.Path(), "-")}.png";
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(folder, name), FullPage = true });
    }

    [GeneratedRegex("[^a-zA-Z0-9]+")]
    private static partial Regex NotFileNameCharacters();
}
