using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Waypoint.Core.Access;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.People;
using Waypoint.Features.Tokens;
using Waypoint.Infrastructure;

namespace Waypoint.Cli;

/// <summary>
/// The <c>waypoint</c> command. With no subcommand (or only host settings such as <c>--urls</c>) it serves the web
/// application. Every subcommand calls the same feature services as the pages.
/// </summary>
public static class WaypointCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version")))
        {
            return await Guard(() => ServeAsync(args, CancellationToken.None));
        }

        var root = BuildCommands();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var path = command == root ? "waypoint" : $"waypoint {string.Join(' ', Ancestry(command))}";
            // An unknown word says more than "required command was not provided", which comes with it.
            var error = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            var reason = string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync($"waypoint: {reason.TrimEnd('.')}. See '{path} --help'.");
            return 2;
        }

        return await parsed.InvokeAsync();
    }

    private static List<string> Ancestry(Command command)
    {
        var names = new List<string>();
        foreach (var parent in new[] { "users", "tokens" })
        {
            if (command.Parents.OfType<Command>().Any(p => p.Name == parent))
            {
                names.Add(parent);
            }
        }

        names.Add(command.Name);
        return names;
    }

    private static RootCommand BuildCommands()
    {
        var root = new RootCommand("Waypoint: run a public body with a digital mindset. With no command, serves the web application.");

        var serve = new Command("serve", "Serve the web application (the default). Host settings such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, ct) => Guard(() => ServeAsync(result.UnmatchedTokens.ToArray(), ct)));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply any pending database migrations, then exit.");
        migrate.SetAction((_, ct) => Guard(() => WithServices(async (services, _) =>
        {
            await DatabaseStartup.MigrateAsync(services, ct);
            Console.WriteLine("waypoint: the database is up to date.");
            return 0;
        }, ct, requireCurrent: false)));
        root.Subcommands.Add(migrate);

        var seedDemo = new Command("seed-demo", "Create the demo organisations (anytown and otherton). Running it again changes nothing.");
        seedDemo.SetAction((_, ct) => Guard(() => WithServices(async (services, requestServices) =>
        {
            await using var held = await DatabaseStartup.LockAsync(services, ct);
            await DatabaseStartup.MigrateHoldingLockAsync(services, held, ct);
            await SeedDemoAsync(requestServices.GetRequiredService<DemoSeeder>(), ct);
            return 0;
        }, ct, requireCurrent: false)));
        root.Subcommands.Add(seedDemo);

        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(TokensCommand());
        return root;
    }

    private static Command UsersCommand()
    {
        var org = new Option<string>("--org") { Description = "The organisation's slug, such as anytown.", Required = true };
        var email = new Option<string>("--email") { Description = "The person's email address; they sign in with it.", Required = true };
        var role = new Option<Role>("--role") { Description = "Admin, Leader, Member, Stakeholder or Viewer.", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown to others (default: the part of the email before @)." };
        var organisationName = new Option<string?>("--org-name") { Description = "Create the organisation with this name if it does not exist yet (for a new installation's first admin)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input. Without it a new person gets a generated password, printed once." };

        var add = new Command("add", "Add a person to an organisation with a role, creating their account if it is new.")
        {
            org, email, role, name, organisationName, passwordStdin,
        };
        add.SetAction((result, ct) => Guard(() => WithServices(async (_, requestServices) =>
        {
            string? password = null;
            if (result.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    throw new CliError("--password-stdin was given but no password came on standard input.");
                }
            }

            var people = requestServices.GetRequiredService<PeopleService>();
            var outcome = await people.AddFromCommandLineAsync(
                result.GetValue(org)!, result.GetValue(email)!, result.GetValue(role), result.GetValue(name), password, result.GetValue(organisationName), ct);
            Console.WriteLine(outcome);
            return 0;
        }, ct)));

        var users = new Command("users", "Manage people and their roles.");
        users.Subcommands.Add(add);
        return users;
    }

    private static Command TokensCommand()
    {
        var org = new Option<string>("--org") { Description = "The organisation's slug the token is for.", Required = true };
        var user = new Option<string>("--user") { Description = "The email of the person the token acts as; they must belong to the organisation.", Required = true };
        var scope = new Option<TokenScope>("--scope") { Description = "read or write (default read).", DefaultValueFactory = _ => TokenScope.Read };
        var expires = new Option<string>("--expires") { Description = "Lifetime, such as 90d, 12h or 2w (default 90d, at most 366d).", DefaultValueFactory = _ => "90d" };
        var name = new Option<string>("--name") { Description = "A label to recognise the token by.", DefaultValueFactory = _ => "command line" };

        var create = new Command("create", "Make an API token. The token is printed once; only its hash is kept.")
        {
            org, user, scope, expires, name,
        };
        create.SetAction((result, ct) => Guard(() => WithServices(async (_, requestServices) =>
        {
            if (!TokenLifetime.TryParse(result.GetValue(expires), out var lifetime, out var error))
            {
                throw new CliError(error!);
            }

            var tokens = requestServices.GetRequiredService<TokenService>();
            var secret = await tokens.CreateAsync(result.GetValue(org)!, result.GetValue(user)!, result.GetValue(scope), lifetime, result.GetValue(name)!, ct);
            Console.WriteLine(secret);
            return 0;
        }, ct)));

        var tokens = new Command("tokens", "Manage API tokens.");
        tokens.Subcommands.Add(create);
        return tokens;
    }

    private static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = WaypointHost.BuildWebApplication(WaypointHost.CreateBuilder(args));
        var settings = app.Services.GetRequiredService<WaypointSettings>();
        if (settings.Database.MigrateOnStart || settings.Demo.Seed)
        {
            // Held while migrating and seeding, so that instances starting together take turns (ADR 0014).
            await using var held = await DatabaseStartup.LockAsync(app.Services, cancellationToken);
            if (settings.Database.MigrateOnStart)
            {
                await DatabaseStartup.MigrateHoldingLockAsync(app.Services, held, cancellationToken);
            }

            if (settings.Demo.Seed)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                // An interrupted seed left nothing (it is one transaction), so the database is still new.
                if (await seeder.IsDatabaseEmptyAsync(cancellationToken))
                {
                    await SeedDemoAsync(seeder, cancellationToken);
                }
            }
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task SeedDemoAsync(DemoSeeder seeder, CancellationToken cancellationToken)
    {
        var report = await seeder.SeedAsync(
            Environment.GetEnvironmentVariable(DemoSeeder.PasswordVariable),
            organisations => Console.WriteLine(DemoSeedReport.Starting(organisations)),
            cancellationToken);
        Console.WriteLine(report.Describe());
    }

    /// <summary>Runs a subcommand with the application's services, without a web server.</summary>
    private static async Task<int> WithServices(Func<IServiceProvider, IServiceProvider, Task<int>> action, CancellationToken cancellationToken, bool requireCurrent = true)
    {
        var builder = WaypointHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        if (requireCurrent)
        {
            await DatabaseStartup.RequireCurrentAsync(scope.ServiceProvider.GetRequiredService<WaypointDb>(), app.Services, cancellationToken);
        }

        return await action(app.Services, scope.ServiceProvider);
    }

    /// <summary>Prints a user's mistake as one line and exits non-zero; never a stack trace.</summary>
    private static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (HostAbortedException)
        {
            // The test host stops the application this way once it has what it needs.
            throw;
        }
        catch (CliError e)
        {
            await Console.Error.WriteLineAsync($"waypoint: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"waypoint: failed: {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("WAYPOINT_DEBUG") == "1")
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return 1;
        }
    }
}
