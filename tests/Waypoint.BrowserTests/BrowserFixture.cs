using Microsoft.Playwright;

namespace Waypoint.BrowserTests;

/// <summary>
/// Waypoint on a real Kestrel server, on a SQLite database of its own with the demo organisations, and one headless
/// Chromium to drive it. Each takes seconds to start, so every test in the collection shares them; each test gets a
/// browser context of its own, so no cookies are shared between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium. Playwright's own downloaded browsers are not used: CI installs the package instead.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly SqliteApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WaypointApp App => _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is not installed. " +
                "Install Debian's chromium package (apt-get install chromium) and run the tests again.");
        }

        BaseAddress = await _app.ServeOnKestrelAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new tab in a new, empty browser context: signed in as nobody, with or without JavaScript.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A loaded machine (CI shares two cores with the integration tests' servers) can take a while to answer;
        // waiting longer changes no result, it only avoids failing on a slow moment.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page);
        if (!javaScriptEnabled)
        {
            Accessibility.RunsWithoutJavaScript(page);
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>A browser test: one fresh tab per test, in the shared browser, against the shared server.</summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Browser => browser;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync() => Page = await browser.NewPageAsync();

    public async Task DisposeAsync() => await Page.Context.CloseAsync();
}
