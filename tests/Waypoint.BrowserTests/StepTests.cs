using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waypoint.Core.Steps;
using Waypoint.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed partial class StepTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string CannotStart = "This step's risk is above appetite: it is waiting for a leader to sign it off";

    [Fact]
    public async Task Member_walks_a_step_from_idea_to_done_through_a_leaders_sign_off()
    {
        var outcome = await Browser.App.OutcomeWithValuesAsync();
        var title = $"Call-back offer {Guid.NewGuid():N}"[..24];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The member proposes a step from the outcome page; the outcome is settled and they own it by default.
        await Page.SignInAsync("member@anytown.example");
        await Page.GoToAsync($"/anytown/outcomes/{outcome}");
        await Page.ClickButtonAsync("Propose a step");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Propose a step");
        await Expect(Page.GetByLabel("Casey Brown", new() { Exact = true })).ToBeCheckedAsync();
        await Page.FillInAsync("Title", title);
        await Page.FillInAsync("We believe that", "we offer a call-back when the queue is long");
        await Page.GetByLabel("will move", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.FillInAsync("with the effect", "up by about 5 points");
        await Page.FillInAsync("because", "callers give up in the queue at nine");
        await FillDateAsync("Start date", today);
        await FillDateAsync("Due date", today.AddDays(7));
        await Page.ClickButtonAsync("Propose step");
        await Expect(Page).ToHaveURLAsync(StepAddress());
        var step = Page.Path();
        await Expect(Page.MainHeading()).ToHaveTextAsync(title);
        await Expect(Page.Locator("main")).ToContainTextAsync("We believe that we offer a call-back when the queue is long will move");

        await Page.ClickButtonAsync("Move to Ready");
        await Expect(Page.Locator("main p .govuk-tag").First).ToHaveTextAsync("Ready");

        // An Information risk of 4 × 4 is above Anytown's minimal appetite, so the step cannot start yet.
        await Page.ClickButtonAsync("Assess risk");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Information", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "4 – Likely", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "4 – Major", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Reversible", Exact = true }).CheckAsync();
        await Page.FillInAsync("Mitigations (optional)", "Only numbers already on the caller record are used");
        await Page.ClickButtonAsync("Save risk assessment");
        Assert.Equal(step, Page.Path());
        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("above the organisation’s appetite");
        await Expect(Page.Locator("main")).ToContainTextAsync(CannotStart);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Move to Doing" })).ToHaveCountAsync(0);

        // The board says the same on the step's card, in the Ready column.
        await Page.GoToAsync($"/anytown/outcomes/{outcome}");
        await Page.ClickLinkAsync("See the steps toward this outcome");
        var ready = Page.GetByRole(AriaRole.Region, new() { Name = "Ready" });
        await Expect(ready.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("(1 step)");
        await Expect(ready).ToContainTextAsync("Waiting for sign-off");
        await Expect(ready).ToContainTextAsync(CannotStart);

        // A leader signs it off, with a reason.
        var leader = await Browser.NewPageAsync();
        try
        {
            await leader.SignInAsync("leader@anytown.example");
            await leader.GoToAsync(step);
            await leader.ClickButtonAsync("Sign off");
            await leader.GetByRole(AriaRole.Radio, new() { Name = "Approve", Exact = true }).CheckAsync();
            await leader.FillInAsync("Reason", "The data stays in the caller record we already hold");
            await leader.ClickButtonAsync("Save decision");
            await Expect(leader.Locator("main")).ToContainTextAsync("Approved by Jordan Lee");
        }
        finally
        {
            await leader.Context.CloseAsync();
        }

        // The member starts it, writes up what was learned and closes it in one go.
        await Page.GoToAsync(step);
        await Expect(Page.Locator("main")).ToContainTextAsync("The data stays in the caller record we already hold");
        await Page.ClickButtonAsync("Move to Doing");
        await Page.ClickButtonAsync("Write up what was learned");
        await Page.FillInAsync("What happened", "Half of the callers offered a call-back took it");
        await Page.FillInAsync("Evidence", "Telephony report for the fortnight");
        await Page.FillInAsync("What we will do next", "Offer it on every line");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Yes, close it as Done", Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Save what was learned");
        Assert.Equal(step, Page.Path());
        await Expect(Page.Locator("main p .govuk-tag").First).ToHaveTextAsync("Done");
        var learning = Page.Locator("#learning + dl");
        await Expect(learning).ToContainTextAsync("Half of the callers offered a call-back took it");
        await Expect(learning).ToContainTextAsync("Offer it on every line");
        await Expect(learning).ToContainTextAsync("when the step started");
    }

    [Fact]
    public async Task The_other_step_pages_pass_the_checks_with_and_without_mistakes()
    {
        await Browser.App.ReadyAsync();
        var (idea, done) = await Browser.App.WithDbAsync(async db => (
            await db.Steps.IgnoreQueryFilters().Where(s => s.Status == StepStatus.Idea).Select(s => s.Id).FirstAsync(),
            // One the leader owns and has not yet said whether its risk happened, so the afterwards form is theirs and empty.
            (await db.Steps.IgnoreQueryFilters().Where(s => s.Status == StepStatus.Done && s.Risk != null && s.RiskMaterialised == null).ToListAsync())
                .First(s => s.IsOwnedBy(DemoSeeder.IdFor("leader@anytown.example"))).Id));
        await Page.SignInAsync("leader@anytown.example");

        // The team board, reached from the team page, with the demo's overdue steps among its cards.
        await Page.ClickMenuAsync("Teams");
        await Page.ClickLinkAsync("Waste Transformation");
        await Page.ClickLinkAsync("See this team’s steps");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Steps");
        await Page.ClickButtonAsync("Propose a step");
        await Page.ClickButtonAsync("Propose step");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Choose an outcome of this organisation");

        await Page.GoToAsync($"/anytown/steps/{idea}/edit");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Re-plan this step");
        await Page.FillInAsync("Title", string.Empty);
        await Page.ClickButtonAsync("Save changes");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Enter a title");

        await Page.GoToAsync($"/anytown/steps/{idea}/move");
        await Page.GoToAsync($"/anytown/steps/{idea}/risk");
        await Page.ClickButtonAsync("Save risk assessment");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Enter a risk category");

        await Page.GoToAsync($"/anytown/steps/{done}");
        await Page.GoToAsync($"/anytown/steps/{done}/decision");
        await Page.GoToAsync($"/anytown/steps/{done}");
        await Page.ClickButtonAsync("Change what was learned");
        await Page.GoToAsync($"/anytown/steps/{done}/afterwards");
        await Page.ClickButtonAsync("Save");
        await Expect(Page.ErrorSummary()).ToBeVisibleAsync();
    }

    private async Task FillDateAsync(string legend, DateOnly date)
    {
        var group = Page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("/anytown/steps/[0-9a-f-]{36}$")]
    private static partial Regex StepAddress();
}
