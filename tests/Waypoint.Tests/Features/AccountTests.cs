using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Waypoint.Tests.Features;

public abstract class AccountTests(WaypointApp app)
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_signs_nobody_in()
    {
        var client = await app.AnonymousAsync();
        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = "member@anytown.example", ["password"] = "not the password at all" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector(".govuk-error-summary")!;
        Assert.Equal("Enter an email address and password that match an account", summary.QuerySelector("a[href='#email']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/anytown")).StatusCode);
    }

    [Fact]
    public async Task Missing_email_and_password_are_both_named()
    {
        var client = await app.AnonymousAsync();
        var page = await PageClient.ParseAsync(await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = "", ["password"] = "" }));
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#email", "#password"], links);
        Assert.NotNull(page.QuerySelector("#email.govuk-input--error"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await app.AnonymousAsync();
        var email = $"lockout-{Guid.NewGuid():N}@anytown.example";
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        (await admin.PostAsync("/api/v1/orgs/anytown/members/", new StringContent(
            $$"""{"email":"{{email}}","displayName":"Lockout Test","role":"Member","password":"the right password 12"}""",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var client = await app.AnonymousAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = email, ["password"] = "wrong password " + attempt });
        }

        var response = await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = email, ["password"] = "the right password 12" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Refused in the same words as a wrong password, so that nobody learns the account exists (SignInDisclosureTests).
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("Enter an email address and password that match an account", page.QuerySelector(".govuk-error-summary a[href='#email']")!.TextContent);
        Assert.Contains("locked for 15 minutes", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/anytown")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_one_organisation_goes_straight_to_it_and_signing_out_ends_the_session()
    {
        var client = await app.SignedInAsync("leader@anytown.example");
        var start = await client.GetAsync("/");
        Assert.Equal("/anytown", start.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/anytown");
        Assert.Equal("Anytown Borough Council", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("Leader", home.QuerySelector(".govuk-body-l")!.TextContent, StringComparison.Ordinal);

        // The Sign out button in the header of every page.
        var signedOut = await client.SubmitFormAsync("/anytown/teams", [], action: "/account/sign-out");
        Assert.Equal("/account/signed-out", signedOut.Headers.Location?.OriginalString);
        var after = await client.GetAsync("/anytown");
        Assert.Contains("/account/sign-in?ReturnUrl=%2Fanytown", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_in_two_organisations_chooses_between_them()
    {
        var admin = await app.ApiClientAsync("otherton", "admin@otherton.example");
        (await admin.PostAsync("/api/v1/orgs/otherton/members/", new StringContent(
            """{"email":"viewer@anytown.example","role":"Viewer"}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var client = await app.SignedInAsync("viewer@anytown.example");
        var page = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/anytown", "/otherton"], links);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/otherton/teams")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_pages_answer_not_found_and_a_role_too_low_answers_forbidden()
    {
        var otherAdmin = await app.SignedInAsync("admin@otherton.example");
        var response = await otherAdmin.GetAsync("/anytown/people");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var member = await app.SignedInAsync("member@anytown.example");
        var forbidden = await member.GetAsync("/anytown/people");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("You cannot see this page", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_follow_the_ncsc_policy_length_and_a_deny_list()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var shortOne = await PageClient.ParseAsync(await admin.SubmitFormAsync("/anytown/people/new", new()
        {
            ["email"] = "short@anytown.example", ["displayName"] = "Short", ["role"] = "Member", ["password"] = "Tr0ub4dor&3",
        }));
        Assert.Contains("12 characters or more", shortOne.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);

        var common = await PageClient.ParseAsync(await admin.SubmitFormAsync("/anytown/people/new", new()
        {
            ["email"] = "common@anytown.example", ["displayName"] = "Common", ["role"] = "Member", ["password"] = "Password1234",
        }));
        Assert.Contains("too common", common.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "common@anytown.example" || u.Email == "short@anytown.example")));

        var words = await admin.SubmitFormAsync("/anytown/people/new", new()
        {
            ["email"] = "words@anytown.example", ["displayName"] = "Words", ["role"] = "Member", ["password"] = "staple orange lighthouse",
        });
        Assert.Equal(HttpStatusCode.Redirect, words.StatusCode);
    }
}

public sealed class AccountOnSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountOnPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;

/// <summary>Sign-in is rate limited per address, whatever the account.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private readonly WaypointApp _app = new SqliteApp().With("Waypoint:RateLimits:SignInPerMinute", "3");

    public Task InitializeAsync() => _app.ReadyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_is_refused_with_429()
    {
        var client = await _app.AnonymousAsync();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await client.SubmitFormAsync("/account/sign-in", new() { ["email"] = "nobody@anytown.example", ["password"] = "whatever it is 1" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
