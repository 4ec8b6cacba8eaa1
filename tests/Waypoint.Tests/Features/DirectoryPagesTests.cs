using System.Net;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Features.Demo;

namespace Waypoint.Tests.Features;

/// <summary>Teams, services and people administered through the pages, as an admin without JavaScript would.</summary>
public abstract class DirectoryPagesTests(WaypointApp app)
{
    [Fact]
    public async Task An_admin_adds_a_team_after_correcting_an_empty_name()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var empty = await PageClient.ParseAsync(await admin.SubmitFormAsync("/anytown/teams/new", new() { ["name"] = "", ["description"] = "Kept after the error" }));
        Assert.Equal("Enter a team name", empty.QuerySelector(".govuk-error-summary a[href='#name']")!.TextContent);
        Assert.Equal("Kept after the error", empty.QuerySelector("#description")!.TextContent);

        var added = await admin.SubmitFormAsync("/anytown/teams/new", new() { ["name"] = "Adult Social Care Digital", ["description"] = "Care assessments online." });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await admin.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Equal("Adult Social Care Digital", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_admin_renames_a_team_and_the_audit_trail_shows_before_and_after()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var teamId = DemoSeeder.IdFor("anytown/team/Data and Insight");
        var form = await admin.GetPageAsync($"/anytown/teams/{teamId}/edit");
        Assert.Equal("Data and Insight", form.QuerySelector("#name")!.GetAttribute("value"));

        var saved = await admin.SubmitFormAsync($"/anytown/teams/{teamId}/edit", new() { ["name"] = "Data, Insight and Performance", ["description"] = "" });
        Assert.Equal($"/anytown/teams/{teamId}", saved.Headers.Location?.OriginalString);

        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == teamId.ToString() && a.Action == AuditAction.Updated).SingleAsync());
        Assert.Contains("\"Name\":\"Data and Insight\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Data, Insight and Performance\"", entry.After, StringComparison.Ordinal);
        Assert.Equal("Alex Morgan", entry.ActorName);

        var audit = await admin.GetPageAsync("/anytown/audit");
        Assert.Contains(audit.QuerySelectorAll("td"), td => td.TextContent == "Updated Team");
    }

    [Fact]
    public async Task A_service_gets_a_service_manager_from_the_organisations_people()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var form = await admin.GetPageAsync("/anytown/services/new");
        var options = form.QuerySelectorAll("#serviceManagerId option").Select(o => o.TextContent).ToList();
        Assert.Contains("Sam Patel (stakeholder@anytown.example)", options);
        Assert.DoesNotContain(options, o => o.Contains("otherton", StringComparison.Ordinal));

        var manager = DemoSeeder.IdFor("stakeholder@anytown.example");
        var added = await admin.SubmitFormAsync("/anytown/services/new", new() { ["name"] = "Garden waste", ["serviceManagerId"] = manager.ToString() });
        var page = await admin.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains(page.QuerySelectorAll(".govuk-summary-list__value"), v => v.TextContent == "Sam Patel");
    }

    [Fact]
    public async Task A_service_manager_from_another_organisation_is_refused()
    {
        var admin = await app.ApiClientAsync("anytown", "admin@anytown.example");
        var outsider = DemoSeeder.IdFor("admin@otherton.example");
        var response = await admin.PostAsync("/api/v1/orgs/anytown/services/", new StringContent(
            $$"""{"name":"Smuggled service","serviceManagerId":"{{outsider}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceManagerId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_person_who_already_has_an_account_shows_only_the_name_typed_here()
    {
        var anytown = await app.SignedInAsync("admin@anytown.example");
        var email = $"known-{Guid.NewGuid():N}@anytown.example";
        Assert.Equal(HttpStatusCode.Redirect, (await anytown.SubmitFormAsync("/anytown/people/new", new()
        {
            ["email"] = email, ["displayName"] = "Anytown's Private Name", ["role"] = "Member", ["password"] = "plum kettle harbour",
        })).StatusCode);

        var otherton = await app.SignedInAsync("admin@otherton.example");
        var added = await otherton.SubmitFormAsync("/otherton/people/new", new() { ["email"] = email, ["displayName"] = "Guest Reviewer", ["role"] = "Viewer" });
        Assert.Equal("/otherton/people", added.Headers.Location?.OriginalString);
        var people = await otherton.GetPageAsync("/otherton/people");
        Assert.Contains(people.QuerySelectorAll("td"), cell => cell.TextContent == "Guest Reviewer");
        Assert.DoesNotContain("Anytown's Private Name", people.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_a_person_changes_their_role_and_removes_them()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var added = await admin.SubmitFormAsync("/anytown/people/new", new()
        {
            ["email"] = "new.starter@anytown.example", ["displayName"] = "New Starter", ["role"] = "Member", ["password"] = "plum kettle harbour",
        });
        Assert.Equal("/anytown/people", added.Headers.Location?.OriginalString);
        var membershipId = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.Email })
            .Where(x => x.Email == "new.starter@anytown.example").Select(x => x.Id).SingleAsync());

        var newcomer = await app.SignedInAsync("new.starter@anytown.example", "plum kettle harbour");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/anytown/teams")).StatusCode);

        await admin.SubmitFormAsync($"/anytown/people/{membershipId}", new() { ["role"] = "Leader" });
        Assert.Equal(Role.Leader, await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.Id == membershipId).Select(m => m.Role).SingleAsync()));

        var removed = await admin.SubmitFormAsync($"/anytown/people/{membershipId}", [], handler: "Remove");
        Assert.Equal("/anytown/people", removed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync("/anytown/teams")).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_removed()
    {
        var othertonAdmin = await app.SignedInAsync("admin@otherton.example");
        var membershipId = DemoSeeder.IdFor("otherton/membership/admin@otherton.example");
        var demoted = await PageClient.ParseAsync(await othertonAdmin.SubmitFormAsync($"/otherton/people/{membershipId}", new() { ["role"] = "Viewer" }));
        Assert.Contains("at least one admin", demoted.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var removed = await PageClient.ParseAsync(await othertonAdmin.SubmitFormAsync($"/otherton/people/{membershipId}", [], handler: "Remove"));
        Assert.Contains("at least one admin", removed.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Role.Admin, await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.Id == membershipId).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var response = await admin.PostAsync("/anytown/teams/new", new FormUrlEncodedContent([new("name", "Forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Teams.IgnoreQueryFilters().AnyAsync(t => t.Name == "Forged")));
    }

    [Fact]
    public async Task Audit_times_are_shown_in_the_organisations_time_zone()
    {
        var admin = await app.SignedInAsync("admin@anytown.example");
        var page = await admin.GetPageAsync("/anytown/audit");
        Assert.Contains("Europe/London time", page.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,2} \w+ \d{4}, \d{1,2}:\d{2}(am|pm)$", page.QuerySelector("tbody td")!.TextContent);
    }
}

public sealed class DirectoryPagesOnSqlite(SqliteApp app) : DirectoryPagesTests(app), IClassFixture<SqliteApp>;

public sealed class DirectoryPagesOnPostgres(PostgresApp app) : DirectoryPagesTests(app), IClassFixture<PostgresApp>;
