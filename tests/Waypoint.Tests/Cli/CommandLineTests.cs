using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Tests.Cli;

/// <summary>The <c>waypoint</c> binary, run as a separate process the way an operator runs it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("waypoint-cli-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "waypoint.db")}";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Result(int ExitCode, string Out, string Error);

    private async Task<Result> RunAsync(string arguments, string? input = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.Environment["Waypoint__Database__ConnectionString"] = ConnectionString;
        start.Environment["WAYPOINT_DEMO_PASSWORD"] = WaypointApp.DemoPassword;
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    private static void AssertOneLineError(Result result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("waypoint: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_subcommand()
    {
        var help = await RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "serve", "migrate", "seed-demo", "users", "tokens" })
        {
            Assert.Contains(command, help.Out, StringComparison.Ordinal);
        }

        var tokensHelp = await RunAsync("tokens create --help");
        Assert.Contains("--expires", tokensHelp.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_get_one_readable_line_and_a_non_zero_exit()
    {
        AssertOneLineError(await RunAsync("users add --org anytown --email a@b.example"), "--role");
        AssertOneLineError(await RunAsync("users add --org anytown --email a@b.example --role Wizard"), "Wizard");
        AssertOneLineError(await RunAsync("frobnicate"), "frobnicate");
    }

    [Fact]
    public async Task A_new_installation_gets_its_first_organisation_and_admin_without_the_demo()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        AssertOneLineError(await RunAsync("users add --org Bad_Slug --org-name \"Bad\" --email a@b.example --role Admin"), "--org: A slug is");
        var added = await RunAsync("users add --org northshire --org-name \"Northshire County Council\" --email head.of.digital@northshire.example --role Admin --password-stdin", input: "a passphrase of my own");
        Assert.Equal(0, added.ExitCode);

        await using var app = new SqliteApp().With("Waypoint:Database:ConnectionString", ConnectionString).WithoutDemo();
        var client = await app.SignedInAsync("head.of.digital@northshire.example", "a passphrase of my own");
        var home = await client.GetPageAsync("/northshire");
        Assert.Equal("Northshire County Council", home.QuerySelector("h1")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Slug == "anytown")));
    }

    [Fact]
    public async Task An_unreachable_database_gets_one_clear_line()
    {
        var unreachable = new Dictionary<string, string>
        {
            ["Waypoint__Database__Provider"] = "Postgres",
            ["Waypoint__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2",
        };
        AssertOneLineError(await RunAsync("migrate", environment: unreachable), "cannot reach the Postgres database");
        AssertOneLineError(await RunAsync("--urls http://127.0.0.1:0", environment: unreachable), "cannot reach the Postgres database");
    }

    [Fact]
    public async Task An_operator_seeds_adds_a_person_and_makes_a_token_that_works_for_one_organisation_only()
    {
        Assert.Equal(0, (await RunAsync("migrate")).ExitCode);
        AssertOneLineError(await RunAsync("users add --org anytown --email someone@anytown.example --role Member"), "there is no organisation 'anytown': give --org-name to create it");

        var first = await RunAsync("seed-demo");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("created the demo organisations anytown and otherton", first.Out, StringComparison.Ordinal);
        var second = await RunAsync("seed-demo");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("nothing changed", second.Out, StringComparison.Ordinal);

        // Otherton's operator adds a person Anytown already has: nothing of Anytown's account is printed or kept here.
        var guest = await RunAsync("users add --org otherton --email member@anytown.example --role Viewer");
        Assert.Equal(0, guest.ExitCode);
        Assert.Equal("member@anytown.example added to otherton as Viewer.", guest.Out.Trim());

        var added = await RunAsync("users add --org anytown --email analyst@anytown.example --role Member --name \"Ana Lyst\" --password-stdin", input: "a strong enough password");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added to anytown as Member", added.Out, StringComparison.Ordinal);
        AssertOneLineError(await RunAsync("users add --org anytown --email weak@anytown.example --role Member --password-stdin", input: "password"), "12 characters");

        AssertOneLineError(await RunAsync("tokens create --org anytown --user analyst@anytown.example --expires 5x"), "unknown unit");
        AssertOneLineError(await RunAsync("tokens create --org otherton --user analyst@anytown.example"), "does not belong to otherton");
        var token = await RunAsync("tokens create --org anytown --user analyst@anytown.example --scope read --expires 30d");
        Assert.Equal(0, token.ExitCode);
        var secret = token.Out.Trim();
        Assert.StartsWith("wp_", secret, StringComparison.Ordinal);

        await using var app = new SqliteApp().With("Waypoint:Database:ConnectionString", ConnectionString);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var own = await client.GetAsync("/api/v1/orgs/anytown");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"yourRole\":\"Member\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/orgs/otherton")).StatusCode);

        var guestName = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters()
            .Where(m => m.OrganisationId == Waypoint.Features.Demo.DemoSeeder.IdFor("otherton") && m.UserId == Waypoint.Features.Demo.DemoSeeder.IdFor("member@anytown.example"))
            .Select(m => m.DisplayName).SingleAsync());
        Assert.Equal("member", guestName);

        var stored = await app.WithDbAsync(db => db.ApiTokens.IgnoreQueryFilters().ToListAsync());
        Assert.DoesNotContain(stored, t => t.SecretHash.Contains(secret, StringComparison.Ordinal));
    }
}
