using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waypoint.Data;

namespace Waypoint.Tests.Features;

/// <summary>
/// The real password hasher, counting how many hashes it verifies: "the same work" is the same number of
/// verifications, which is what costs a sign-in its time.
/// </summary>
public sealed class CountingPasswordHasher(PasswordHasher<WaypointUser> real) : IPasswordHasher<WaypointUser>
{
    private int _verified;

    public int Verified => Volatile.Read(ref _verified);

    public string HashPassword(WaypointUser user, string password) => real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(WaypointUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new CountingPasswordHasher(new PasswordHasher<WaypointUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
        services.AddSingleton<IPasswordHasher<WaypointUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
    }
}

public sealed class CountingSqliteApp : WaypointApp
{
    public CountingSqliteApp()
        : base(DatabaseProvider.Sqlite) => WithServices(CountingPasswordHasher.Register);
}

public sealed class CountingPostgresApp : WaypointApp
{
    public CountingPostgresApp()
        : base(DatabaseProvider.Postgres) => WithServices(CountingPasswordHasher.Register);
}

/// <summary>
/// Signing in must not tell anyone which emails have accounts, or which accounts are locked: not by its words and not
/// by the work it does.
/// </summary>
public abstract partial class SignInDisclosureTests(WaypointApp app)
{
    private const string RightPassword = "the right password 12";

    private CountingPasswordHasher Hasher => app.Services.GetRequiredService<CountingPasswordHasher>();

    private sealed record Attempt(HttpStatusCode Status, string Page, int HashesVerified, bool SignedIn);

    private async Task<Attempt> SignInAsync(string email, string password)
    {
        var client = await app.AnonymousAsync();
        var before = Hasher.Verified;
        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = email, ["password"] = password });
        var verified = Hasher.Verified - before;
        var page = await response.Content.ReadAsStringAsync();
        var signedIn = (await client.GetAsync("/anytown")).StatusCode == HttpStatusCode.OK;
        // The antiforgery token is different on every page served; everything else must be identical.
        return new Attempt(response.StatusCode, AntiforgeryToken().Replace(page, "value=\"(token)\""), verified, signedIn);
    }

    [GeneratedRegex("""(?<=name="__RequestVerificationToken" type="hidden" )value="[^"]*"|value="[^"]*"(?= name="__RequestVerificationToken")""")]
    private static partial Regex AntiforgeryToken();

    private async Task AddPersonAsync(string email, string? password)
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var body = password is null
            ? $$"""{"email":"{{email}}","displayName":"Pat Example","role":"Member"}"""
            : $$"""{"email":"{{email}}","displayName":"Pat Example","role":"Member","password":"{{password}}"}""";
        (await admin.PostAsync("/api/v1/orgs/anytown/members/", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_read_the_same_and_cost_the_same()
    {
        var email = $"pat-{Guid.NewGuid():N}@anytown.example";
        var unknown = await SignInAsync(email, "a guess at a password");

        await AddPersonAsync(email, RightPassword);
        var wrong = await SignInAsync(email, "a guess at a password");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await SignInAsync(email, "another guess " + attempt);
        }

        // Five wrong passwords lock the account, and then even the right one is refused, in the same words.
        var locked = await SignInAsync(email, RightPassword);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, "The account is locked.");

        foreach (var refused in new[] { unknown, wrong, locked })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.False(refused.SignedIn);
            Assert.Equal(1, refused.HashesVerified);
        }

        Assert.Contains("Enter an email address and password that match an account", unknown.Page, StringComparison.Ordinal);
        Assert.Equal(unknown.Page, wrong.Page);
        Assert.Equal(unknown.Page, locked.Page);
    }

    [Fact]
    public async Task An_account_without_a_password_reads_and_costs_the_same_as_an_unknown_email()
    {
        // Someone who signs in only with single sign-on has an account but no password.
        var email = $"sso-{Guid.NewGuid():N}@anytown.example";
        var unknown = await SignInAsync(email, "a guess at a password");
        await AddPersonAsync(email, password: null);
        var passwordless = await SignInAsync(email, "a guess at a password");

        Assert.Equal(1, unknown.HashesVerified);
        Assert.Equal(1, passwordless.HashesVerified);
        Assert.Equal(unknown.Page, passwordless.Page);
    }

    [Fact]
    public async Task The_right_password_still_signs_in_after_a_wrong_one()
    {
        var email = $"right-{Guid.NewGuid():N}@anytown.example";
        await AddPersonAsync(email, RightPassword);
        Assert.False((await SignInAsync(email, "a guess at a password")).SignedIn);
        var right = await SignInAsync(email, RightPassword);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal(1, right.HashesVerified);
    }
}

public sealed class SignInDisclosureOnSqlite(CountingSqliteApp app) : SignInDisclosureTests(app), IClassFixture<CountingSqliteApp>;

public sealed class SignInDisclosureOnPostgres(CountingPostgresApp app) : SignInDisclosureTests(app), IClassFixture<CountingPostgresApp>;
