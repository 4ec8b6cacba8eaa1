using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Outcomes;
using Waypoint.Core.Steps;
using Waypoint.Features.Demo;
using Outcome = Waypoint.Core.Outcomes.Outcome;

namespace Waypoint.Tests.Features;

/// <summary>Steps through the pages, as people without JavaScript would use them.</summary>
public abstract class StepPagesTests(WaypointApp app)
{
    private const string Member = "member@anytown.example";
    private const string Leader = "leader@anytown.example";
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Team = DemoSeeder.IdFor("anytown/team/Customer Contact");
    private static readonly Guid Indicator = DemoSeeder.IdFor("anytown/indicator/Calls answered within 60 seconds");
    private static readonly Guid Casey = DemoSeeder.IdFor("member@anytown.example");
    private static readonly Guid Jordan = DemoSeeder.IdFor("leader@anytown.example");

    /// <summary>A Monday well ahead, so that ten working days are easy to count.</summary>
    private static readonly DateOnly Start = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));

    private static DateOnly NextMonday(DateOnly day) => day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);

    private async Task<Guid> OutcomeAsync()
    {
        await app.ReadyAsync();
        return await app.WithDbAsync(async db =>
        {
            db.Scope.EnterOrganisation(Anytown);
            var outcome = new Outcome(Guid.NewGuid(), Anytown, Team, $"Fewer abandoned calls {Guid.NewGuid():N}", "A need", "Done", new DateOnly(2027, 6, 30), null, Visibility.Organisation, DateTimeOffset.UtcNow);
            outcome.MoveTo(OutcomeState.Agreed, [], null, Guid.Empty, DateTimeOffset.UtcNow);
            db.Outcomes.Add(outcome);
            await db.SaveChangesAsync();
            return outcome.Id;
        });
    }

    private static Dictionary<string, string> Plan(Guid outcome, string title, DateOnly start, DateOnly due, Guid? owner) => new()
    {
        ["outcomeId"] = outcome.ToString(),
        ["title"] = title,
        ["change"] = "we offer a call-back when the queue is long",
        ["indicatorId"] = Indicator.ToString(),
        ["expectedEffect"] = "up by about 5 points",
        ["because"] = "callers give up in the queue",
        ["owners"] = owner?.ToString() ?? string.Empty,
        ["startDate.day"] = start.Day.ToString(CultureInfo.InvariantCulture),
        ["startDate.month"] = start.Month.ToString(CultureInfo.InvariantCulture),
        ["startDate.year"] = start.Year.ToString(CultureInfo.InvariantCulture),
        ["dueDate.day"] = due.Day.ToString(CultureInfo.InvariantCulture),
        ["dueDate.month"] = due.Month.ToString(CultureInfo.InvariantCulture),
        ["dueDate.year"] = due.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static string? ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($".govuk-error-summary a[href='#{field}']")?.TextContent;

    private Task<int> CountAsync(string title) =>
        app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().CountAsync(s => s.Title == title));

    private static Guid IdIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('#')[0].Split('/')[^1]);
    }

    [Theory]
    [InlineData("due-before-start", "dueDate", "The due date must be on or after the start date")]
    [InlineData("too-long", "dueDate", "more than the 10 a step may take. Split it into smaller steps, or ask a leader to allow it")]
    [InlineData("no-owner", "owners", "Choose at least one owner")]
    public async Task A_bad_plan_shows_the_error_summary_and_stores_nothing(string mistake, string field, string message)
    {
        var outcome = await OutcomeAsync();
        var member = await app.SignedInAsync(Member);
        var title = $"Call-back {mistake} {Guid.NewGuid():N}";
        var (due, owner) = mistake switch
        {
            "due-before-start" => (Start.AddDays(-1), (Guid?)Casey),
            "too-long" => (Start.AddDays(20), Casey),
            _ => (Start.AddDays(4), null),
        };

        var response = await member.SubmitFormAsync($"/anytown/steps/new?outcome={outcome}", Plan(outcome, title, Start, due, owner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.EndsWith(message, ErrorFor(page, field), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{field}"));
        Assert.Equal(title, page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task Only_a_leader_sees_and_may_use_the_field_that_lets_a_step_outgrow_the_box()
    {
        var outcome = await OutcomeAsync();
        var member = await app.SignedInAsync(Member);
        var leader = await app.SignedInAsync(Leader);
        var url = $"/anytown/steps/new?outcome={outcome}";

        var form = await member.GetPageAsync(url);
        Assert.Null(form.QuerySelector("#boxOverrideReason"));
        Assert.Contains("at most 10 working days", form.QuerySelector("#dueDate-hint")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await leader.GetPageAsync(url)).QuerySelector("textarea#boxOverrideReason"));

        var title = $"Long call-back {Guid.NewGuid():N}";
        var values = Plan(outcome, title, Start, Start.AddDays(20), Casey);
        values["boxOverrideReason"] = "The telephony supplier releases once a month";
        var refused = await PageClient.ParseAsync(await member.SubmitFormAsync(url, values));
        Assert.Equal("Only a leader can let a step run longer than the box; leave this empty or ask a leader", refused.QuerySelector(".govuk-error-summary li")!.TextContent.Trim());
        Assert.Equal(0, await CountAsync(title));

        var id = IdIn(await leader.SubmitFormAsync(url, values));
        var page = await leader.GetPageAsync($"/anytown/steps/{id}");
        Assert.Contains("Allowed by Jordan Lee: The telephony supplier releases once a month", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A member re-planning it sees the leader's permission, cannot change it, and keeps it.
        var edit = $"/anytown/steps/{id}/edit";
        var replan = await member.GetPageAsync(edit);
        Assert.Null(replan.QuerySelector("textarea#boxOverrideReason"));
        Assert.Contains("Jordan Lee let this step run longer than the box", replan.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        IdIn(await member.SubmitFormAsync(edit, Plan(outcome, $"{title} (renamed)", Start, Start.AddDays(20), Casey)));
        var kept = await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().SingleAsync(s => s.Id == id));
        Assert.Equal(("The telephony supplier releases once a month", (Guid?)Jordan), (kept.BoxOverrideReason, kept.BoxOverriddenBy));
    }

    [Fact]
    public async Task A_leader_may_not_sign_off_their_own_step_and_the_page_says_why()
    {
        var outcome = await OutcomeAsync();
        var leader = await app.SignedInAsync(Leader);
        var id = IdIn(await leader.SubmitFormAsync($"/anytown/steps/new?outcome={outcome}", Plan(outcome, $"Own step {Guid.NewGuid():N}", Start, Start.AddDays(4), Jordan)));
        var step = $"/anytown/steps/{id}";
        (await leader.SubmitFormAsync(step, new() { ["status"] = "Ready" }, action: $"{step}/move")).EnsureRedirect();
        IdIn(await leader.SubmitFormAsync($"{step}/risk", new() { ["category"] = "Information", ["likelihood"] = "4", ["impact"] = "4", ["reversibility"] = "Reversible" }));
        Assert.Equal(SignOff.Waiting, await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.SignOff).SingleAsync()));

        // The owner is offered no sign-off, and a decision posted anyway is refused with the reason.
        var page = await leader.GetPageAsync(step);
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{step}/decision");
        var response = await leader.SubmitFormAsync($"{step}/decision", new() { ["approve"] = "true", ["reason"] = "Looks fine to me" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await PageClient.ParseAsync(response);
        Assert.Equal("You own this step, so someone else must sign it off", refused.QuerySelector(".govuk-error-summary li")!.TextContent.Trim());
        Assert.Equal(SignOff.Waiting, await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.SignOff).SingleAsync()));
    }

    [Fact]
    public async Task The_board_moves_a_step_and_shows_why_a_move_was_refused()
    {
        var outcome = await OutcomeAsync();
        var member = await app.SignedInAsync(Member);
        var title = $"Board step {Guid.NewGuid():N}";
        var id = IdIn(await member.SubmitFormAsync($"/anytown/steps/new?outcome={outcome}", Plan(outcome, title, Start, Start.AddDays(4), Casey)));
        var board = $"/anytown/outcomes/{outcome}/steps";

        var moved = await member.SubmitFormAsync(board, new(), action: $"/anytown/steps/{id}/move");
        Assert.Equal(board, moved.Headers.Location?.OriginalString);
        var page = await member.GetPageAsync(board);
        var ready = page.QuerySelector("section[aria-labelledby='column-ready']")!;
        Assert.Contains(title, ready.TextContent, StringComparison.Ordinal);
        Assert.Contains("(1 step)", ready.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        // Not assessed, so it cannot start: no button, but the reason.
        Assert.DoesNotContain(ready.QuerySelectorAll("input[name='status']"), i => i.GetAttribute("value") == "Doing");
        Assert.Contains("Assess the step's risk before starting it", ready.TextContent, StringComparison.Ordinal);

        // Posted anyway (as if the page were out of date), the move is refused and the board says why.
        var refused = await member.SubmitFormAsync(board, new() { ["status"] = "Doing" }, action: $"/anytown/steps/{id}/move");
        Assert.Equal(board, refused.Headers.Location?.OriginalString);
        var after = await member.GetPageAsync(board);
        Assert.Contains("Assess the step's risk before starting it", after.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Ready, await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
    }
    [Fact]
    public async Task An_owner_writes_up_closes_and_says_afterwards_whether_the_risk_happened()
    {
        var outcome = await OutcomeAsync();
        var member = await app.SignedInAsync(Member);
        var id = IdIn(await member.SubmitFormAsync($"/anytown/steps/new?outcome={outcome}", Plan(outcome, $"Afterwards {Guid.NewGuid():N}", Start, Start.AddDays(4), Casey)));
        var step = $"/anytown/steps/{id}";
        (await member.SubmitFormAsync(step, new() { ["status"] = "Ready" }, action: $"{step}/move")).EnsureRedirect();
        IdIn(await member.SubmitFormAsync($"{step}/risk", new() { ["category"] = "Technology", ["likelihood"] = "2", ["impact"] = "2", ["reversibility"] = "Reversible" }));
        Assert.Contains("approved automatically — no one needed to be asked", (await member.GetPageAsync(step)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await member.SubmitFormAsync(step, new() { ["status"] = "Doing" }, action: $"{step}/move")).EnsureRedirect();

        // Closing without the learning is refused with the rules' words; with it, both happen in one post.
        var empty = await PageClient.ParseAsync(await member.SubmitFormAsync($"{step}/learning", new() { ["close"] = "Done" }));
        Assert.Equal("Enter what happened", ErrorFor(empty, "whatHappened"));
        IdIn(await member.SubmitFormAsync($"{step}/learning", new()
        {
            ["whatHappened"] = "Callers took the call-back", ["evidence"] = "Telephony report", ["nextSteps"] = "Offer it on every line", ["isPublic"] = "true", ["close"] = "Done",
        }));
        Assert.Equal(StepStatus.Done, await app.WithDbAsync(db => db.Steps.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));

        var page = await member.GetPageAsync(step);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{step}/afterwards");
        var missing = await PageClient.ParseAsync(await member.SubmitFormAsync($"{step}/afterwards", new() { ["materialised"] = "true" }));
        Assert.Equal("Choose how badly it happened, from 1 (negligible) to 5 (severe)", ErrorFor(missing, "impact"));
        IdIn(await member.SubmitFormAsync($"{step}/afterwards", new() { ["materialised"] = "true", ["impact"] = "2" }));
        var after = await member.GetPageAsync(step);
        Assert.Contains("The risk happened, with an impact of 2 (minor).", after.QuerySelector("#afterwards + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes", after.QuerySelector("#learning + dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_board_counts_each_column_and_folds_older_closed_steps_away()
    {
        await app.ReadyAsync();
        var team = DemoSeeder.IdFor("anytown/team/Waste Transformation");
        var viewer = await app.SignedInAsync("viewer@anytown.example");
        var board = $"/anytown/teams/{team}/steps";

        var page = await viewer.GetPageAsync(board);
        var done = page.QuerySelector("section[aria-labelledby='column-done']")!;
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(done.QuerySelector("h2")!.TextContent, "\\((\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(count > 5, $"The demo should give this team more than five done steps, not {count}.");
        Assert.Equal(5, done.QuerySelectorAll("li").Length);
        Assert.Contains(done.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"{board}?all=true#column-done");
        // A viewer sees the board but is offered no moves.
        Assert.Empty(page.QuerySelectorAll("form[action$='/move']"));

        var all = await viewer.GetPageAsync($"{board}?all=true");
        Assert.Equal(count, all.QuerySelector("section[aria-labelledby='column-done']")!.QuerySelectorAll("li").Length);
    }
}

public sealed class StepPagesOnSqlite(SqliteApp app) : StepPagesTests(app), IClassFixture<SqliteApp>;

public sealed class StepPagesOnPostgres(PostgresApp app) : StepPagesTests(app), IClassFixture<PostgresApp>;
