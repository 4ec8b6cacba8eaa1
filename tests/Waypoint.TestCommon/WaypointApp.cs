using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waypoint.Core.Access;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Tokens;
using Waypoint.Infrastructure;

namespace Waypoint.TestCommon;

/// <summary>
/// Waypoint on a database of its own (SQLite or PostgreSQL), migrated and seeded with the demo organisations, with
/// helpers that say what a test means: sign in as someone, make a token for someone.
/// </summary>
public abstract class WaypointApp : WebApplicationFactory<Program>
{
    /// <summary>The demo users' password in tests. Not a secret: it exists only in throwaway test databases.</summary>
    public const string DemoPassword = "test demo password 42";

    private readonly Lazy<Task> _ready;
    private readonly Dictionary<string, string> _settings;

    protected WaypointApp(DatabaseProvider provider)
        : this(provider, provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"waypoint-test-{Guid.NewGuid():N}.db")}"
            : PostgresServer.CreateDatabase())
    {
    }

    /// <summary>An app on a database that already exists and is not the app's to delete.</summary>
    protected WaypointApp(DatabaseProvider provider, string connectionString, bool ownsDatabase = true)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string>
        {
            ["Waypoint:Database:Provider"] = provider.ToString(),
            ["Waypoint:Database:ConnectionString"] = ConnectionString,
            ["Waypoint:Demo:Seed"] = "false",
            ["Waypoint:RateLimits:SignInPerMinute"] = "1000",
            ["Waypoint:RateLimits:ApiPerMinute"] = "10000",
            ["Waypoint:RateLimits:SurveyAnswersPerMinute"] = "10000",
        };
        _ready = new Lazy<Task>(PrepareAsync);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    private bool _seedDemo = true;

    /// <summary>Leaves the database as it is: no demo organisations are added.</summary>
    public WaypointApp WithoutDemo()
    {
        _seedDemo = false;
        return this;
    }

    /// <summary>Whether the database is this app's own throwaway one (not one a test pointed it at).</summary>
    private bool _ownsDatabase;

    /// <summary>Changes a setting before the app starts (for example a low rate limit).</summary>
    public WaypointApp With(string key, string value)
    {
        _ownsDatabase &= key != "Waypoint:Database:ConnectionString";
        _settings[key] = value;
        return this;
    }

    private Microsoft.Extensions.Time.Testing.FakeTimeProvider? _clock;

    /// <summary>Runs the app at a fixed moment (which the test may move), instead of the machine's clock.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider StopClockAt(DateTimeOffset now)
    {
        _clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        return _clock;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Adds or replaces services before the app starts, such as a decorator that counts calls to a real service.</summary>
    public WaypointApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    private readonly List<ILoggerProvider> _loggers = [];

    /// <summary>Also sends the app's log entries to this provider, as a real logging sink would receive them.</summary>
    public WaypointApp WithLogger(ILoggerProvider provider)
    {
        _loggers.Add(provider);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (_clock is { } clock)
            {
                services.AddSingleton<TimeProvider>(clock);
            }

            foreach (var configure in _services)
            {
                configure(services);
            }
        });

        builder.ConfigureLogging(logging =>
        {
            foreach (var provider in _loggers)
            {
                logging.AddProvider(provider);
            }
        });
    }

    /// <summary>Migrates and seeds, once. Every helper awaits it.</summary>
    public Task ReadyAsync() => _ready.Value;

    private async Task PrepareAsync()
    {
        await DatabaseStartup.MigrateAsync(Services, CancellationToken.None);
        if (!_seedDemo)
        {
            return;
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoPassword, CancellationToken.None);
    }

    /// <summary>Where the app listens once <see cref="ServeOnKestrelAsync"/> has started it on a real server.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>
    /// Serves the app on a real Kestrel server on a free local port, as a browser needs, migrated and seeded; returns
    /// the address it listens on. Call it before anything else uses the app: the server can only be chosen once.
    /// </summary>
    public async Task<Uri> ServeOnKestrelAsync()
    {
        UseKestrel(0);
        StartServer();
        await ReadyAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? throw new InvalidOperationException("The server did not say where it listens.");
        ServerAddress = new Uri(addresses.First());
        return ServerAddress;
    }

    /// <summary>
    /// A client of the Kestrel server (see <see cref="ServeOnKestrelAsync"/>) whose connections come from the given
    /// loopback address, such as 127.0.0.2: to the app, a different client address. It keeps cookies and does not
    /// follow redirects.
    /// </summary>
    public HttpClient ClientFrom(string loopbackAddress)
    {
        var server = ServerAddress ?? throw new InvalidOperationException("Serve the app on Kestrel first.");
        var local = IPAddress.Parse(loopbackAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server };
    }

    /// <summary>A client that does not follow redirects and keeps cookies, signed in as nobody.</summary>
    public async Task<HttpClient> AnonymousAsync()
    {
        await ReadyAsync();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>A client signed in through the sign-in page, as a person would.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoPassword)
    {
        var client = await AnonymousAsync();
        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = email, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Could not sign in as {email}: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Signs in through the page and returns the session cookie the app set, as a Cookie header value.</summary>
    public async Task<string> SessionCookieAsync(string email, string password = DemoPassword)
    {
        var client = await AnonymousAsync();
        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = email, ["password"] = password });
        return response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("waypoint=", StringComparison.Ordinal));
    }

    /// <summary>Makes an API token the way <c>waypoint tokens create</c> does, and returns its secret.</summary>
    public async Task<string> TokenAsync(string organisation, string email, TokenScope scope = TokenScope.Write)
    {
        await ReadyAsync();
        await using var services = Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<TokenService>()
            .CreateAsync(organisation, email, scope, TimeSpan.FromDays(1), "test", CancellationToken.None);
    }

    /// <summary>A client that sends a bearer token and no cookies.</summary>
    public async Task<HttpClient> ApiClientAsync(string organisation, string email, TokenScope scope = TokenScope.Write)
    {
        var token = await TokenAsync(organisation, email, scope);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs work with the app's services, outside any request (and so outside any organisation's scope).</summary>
    public async Task<T> WithDbAsync<T>(Func<WaypointDb, Task<T>> work)
    {
        await ReadyAsync();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WaypointDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite && _ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".startup-lock" })
            {
                File.Delete(path);
            }
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : WaypointApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : WaypointApp(DatabaseProvider.Postgres);

/// <summary>An app on a database a test made and looks after itself (one it runs <c>waypoint</c> processes against).</summary>
public sealed class AppOnDatabase(DatabaseProvider provider, string connectionString) : WaypointApp(provider, connectionString, ownsDatabase: false);

/// <summary>Reading pages and submitting their forms, as a browser without JavaScript would.</summary>
public static class PageClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, not 200.");
        }

        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Loads the page, fills in the form (the first, or the one whose action ends as given) with the values, and posts
    /// it with the antiforgery token the page carried.
    /// </summary>
    /// <param name="handler">Choose the form that posts to this page handler.</param>
    /// <param name="action">Choose the form whose action is this path, such as the header's sign-out button.</param>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, Dictionary<string, string> values, string? handler = null, string? action = null)
    {
        var page = await client.GetPageAsync(url);
        var form = page.Forms.FirstOrDefault(f => (handler, action) switch
                   {
                       (not null, _) => f.GetAttribute("action")?.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase) == true,
                       (_, not null) => f.GetAttribute("action") == action,
                       _ => f.GetAttribute("action")?.Contains("sign-out", StringComparison.Ordinal) != true,
                   })
                   ?? throw new InvalidOperationException($"No such form on {url}.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var formAction = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(formAction) ? url : formAction;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
