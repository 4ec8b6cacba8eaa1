using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waypoint.Core.Mindset;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Mindset;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class MindsetTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");

    /// <summary>An open campaign of its own on a short framework (two features, two statements each), and its group's link.</summary>
    private async Task<(string Name, string Link)> SmallCampaignAsync()
    {
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var framework = await services.GetRequiredService<FrameworkService>().ImportAsync(new FrameworkDocument($"Short check {suffix}", 1,
        [
            new FeatureDocument(1, "Lead more, manage less", "Leaders set direction and let teams decide how", ["Leaders trust teams to decide how", "I can change how I work without asking"]),
            new FeatureDocument(2, "Take calculated risks", "Trying things that might not work, within limits", ["We try new things in small steps", "A step that fails is a lesson, not a blame"]),
        ]), CancellationToken.None);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var name = $"Keyboard check {suffix}";
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(
            new CampaignInput(name, framework.Id, today.AddDays(-1), today.AddDays(10), ["Frontline staff", "Councillors"]), CancellationToken.None);
        var code = await db.RespondentGroups.Where(g => g.CampaignId == campaign.Id && g.Name == "Frontline staff").Select(g => g.LinkCode).SingleAsync();
        return (name, SurveyLinks.ForGroup("anytown", code));
    }

    /// <summary>Moves the keyboard focus on with Tab until it reaches what the locator finds.</summary>
    private async Task TabToAsync(ILocator target)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("Tab never reached the element.");
    }

    /// <summary>Presses Enter on the focused button and waits for the page the form leads to.</summary>
    private async Task SendWithEnterAsync()
    {
        // The page sent from is marked, so the wait ends only once a new page has replaced it.
        await Page.EvaluateAsync("() => document.body.dataset.sentFrom = 'yes'");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("body[data-sent-from]")).ToHaveCountAsync(0);
        await Page.CheckPageAsync();
    }

    private ILocator Radio(string statement, string answer) =>
        Page.GetByRole(AriaRole.Group, new() { Name = statement, Exact = true }).GetByLabel(answer, new() { Exact = true });

    [Fact]
    public async Task Someone_signed_out_answers_with_the_keyboard_alone_keeps_answers_over_a_reload_and_a_leader_closes_the_campaign_to_see_results()
    {
        var (name, link) = await SmallCampaignAsync();
        await Page.GoToAsync(link);
        await Expect(Page.MainHeading()).ToHaveTextAsync(name);
        await Expect(Page.Locator("main")).ToContainTextAsync("Your answers are anonymous");

        // From the skip link into the page: the first radio group is the first stop.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Radio("Leaders trust teams to decide how", "Strongly disagree")).ToBeFocusedAsync();
        // Arrow keys move along a group and choose; Space chooses the one focused.
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Radio("Leaders trust teams to decide how", "Agree")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Space");
        await Expect(Radio("I can change how I work without asking", "Strongly disagree")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Anything you would like to add about “Lead more, manage less” (optional)")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("We are trusted more than last year");

        // Closing the page and coming back keeps what was chosen, in this browser only.
        await Page.ReloadAsync();
        await Page.CheckPageAsync();
        await Expect(Radio("Leaders trust teams to decide how", "Agree")).ToBeCheckedAsync();
        await Expect(Radio("I can change how I work without asking", "Strongly disagree")).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Anything you would like to add about “Lead more, manage less” (optional)")).ToHaveValueAsync("We are trusted more than last year");

        // The next feature: one statement answered "Don't know", the other skipped, then the form is sent.
        await Page.GetByLabel("Anything you would like to add about “Lead more, manage less” (optional)").FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Radio("We try new things in small steps", "Strongly disagree")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(Radio("We try new things in small steps", "Don't know")).ToBeCheckedAsync();
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        await SendWithEnterAsync();

        // The error summary names the skipped statement and takes the keyboard to it; what was chosen stays.
        await Expect(Page.ErrorSummary()).ToBeFocusedAsync();
        await Expect(Page.ErrorSummary().GetByRole(AriaRole.Link)).ToHaveTextAsync("Choose an answer to statement 2 of \"Take calculated risks\", or \"Don't know\"");
        await Expect(Radio("Leaders trust teams to decide how", "Agree")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Radio("A step that fails is a lesson, not a blame", "Strongly disagree")).ToBeFocusedAsync();
        // Left from the first answer wraps round to the last ("Don't know"), then the one before it.
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(Radio("A step that fails is a lesson, not a blame", "Strongly agree")).ToBeCheckedAsync();
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        await SendWithEnterAsync();
        await Expect(Page.MainHeading()).ToHaveTextAsync("Thank you for taking part");

        // Sent, the answers kept in the browser are gone.
        await Page.WaitForFunctionAsync("() => Object.keys(localStorage).filter(k => k.startsWith('waypoint-survey-')).length === 0");

        // A leader closes the campaign early and sees its results, with the small groups held back by name only.
        await Page.SignInAsync("leader@anytown.example");
        await Page.ClickMenuAsync("Mindset");
        await Page.ClickLinkAsync(name);
        await Expect(Page.Locator("main")).ToContainTextAsync("Number of people who have answered, per group");
        await Page.ClickButtonAsync("Close now");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Close the campaign now");
        await Page.ClickButtonAsync("Close the campaign now");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Results");
        await Expect(Page.Locator("#held-back")).ToContainTextAsync("Frontline staff is not shown: too few people answered to keep their answers anonymous.");
        await Expect(Page.Locator("main")).ToContainTextAsync("No one answered in Councillors.");
        await Expect(Page.Locator("#heat-map-table")).ToHaveCountAsync(0);

        // The link stops working once the campaign has closed, and says so without a count.
        await Page.GoToAsync(link, expectedStatus: 410);
        await Expect(Page.MainHeading()).ToHaveTextAsync("This survey cannot be answered");
    }

    [Fact]
    public async Task Results_of_a_closed_demo_campaign_show_a_heat_map_and_name_councillors_only_as_held_back()
    {
        string latest;
        await using (var scope = Browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
            db.Scope.EnterOrganisation(Anytown);
            latest = await db.MindsetCampaigns.Where(c => c.Name.StartsWith("Digital mindset 2")).OrderByDescending(c => c.ClosesOn).Select(c => c.Name).FirstAsync();
        }

        await Page.SignInAsync("member@anytown.example");
        await Page.ClickMenuAsync("Mindset");
        await Page.ClickLinkAsync(latest);
        await Page.ClickLinkAsync("See its results");
        var heatMap = Page.Locator("#heat-map-table");
        await Expect(heatMap).ToBeVisibleAsync();
        await Expect(heatMap.Locator("thead th")).ToHaveTextAsync(["Feature", "Digital and IT", "Frontline staff", "Partners and suppliers", "Service managers", "All"]);
        await Expect(heatMap.Locator("tbody tr")).ToHaveCountAsync(16);
        await Expect(Page.Locator("#held-back")).ToContainTextAsync("Councillors and Leadership are not shown");
        var main = await Page.Locator("main").InnerTextAsync();
        Assert.Single(main.Split("Councillors")[1..]);
        await Expect(Page.Locator("#changes-table")).ToContainTextAsync("↑ up");
        var chart = Page.Locator("figure[data-waypoint-bars='feature-means'] canvas");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAccessibleNameAsync("Mean score of each feature for everyone");

        await Page.ClickLinkAsync("3. Take calculated risks");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Take calculated risks");
        await Expect(Page.Locator("#distribution tbody tr")).ToHaveCountAsync(5);
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Create an outcome from this feature");
    }

    [Fact]
    public async Task Leader_starts_a_campaign_adds_a_group_downloads_invitations_and_copies_edits_and_imports_frameworks()
    {
        var name = $"Spring check {Guid.NewGuid():N}"[..20];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var closes = today.AddDays(14);
        await Page.SignInAsync("leader@anytown.example");
        await Page.ClickMenuAsync("Mindset");
        await Page.ClickButtonAsync("New campaign");
        await Page.FillInAsync("Name", name);
        await Page.Locator("#opensOn").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#opensOn-month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#opensOn-year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#closesOn").FillAsync(closes.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#closesOn-month").FillAsync(closes.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#closesOn-year").FillAsync(closes.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.ClickButtonAsync("Save campaign");
        await Expect(Page.MainHeading()).ToHaveTextAsync(name);
        await Expect(Page.Locator(".govuk-summary-card")).ToHaveCountAsync(6);
        await Expect(Page.Locator(".waypoint-survey-link code").First).ToContainTextAsync("/anytown/take-part/");

        await Page.FillInAsync("Name of the group", "Voluntary sector");
        await Page.ClickButtonAsync("Add group");
        await Expect(Page.Locator(".govuk-notification-banner")).ToContainTextAsync("Group added");
        await Expect(Page.Locator(".govuk-summary-card")).ToHaveCountAsync(7);

        // The invitation links come once, as a file; the group then answers by invitation only.
        await Page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Councillors" });
        await Page.FillInAsync("Email addresses", "cllr.one@anytown.example\ncllr.two@anytown.example");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download invitation links" }).ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal("email,link", lines[0]);
        Assert.Equal(3, lines.Count);
        var invitation = new Uri(lines[1].Split(',')[1]).AbsolutePath;
        await Page.ReloadAsync();
        await Page.CheckPageAsync();
        await Expect(Page.Locator(".govuk-summary-card", new() { HasText = "Councillors" })).ToContainTextAsync("answers by invitation only");
        await Page.GoToAsync(invitation);
        await Expect(Page.MainHeading()).ToHaveTextAsync(name);

        // A framework in use is copied, and the copy edited; a feature without a name is refused by name.
        await Page.GoToAsync("/anytown/mindset");
        await Page.ClickLinkAsync("Frameworks: the features and statements a campaign asks about");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Frameworks");
        await Page.Locator("main table a").First.ClickAsync();
        await Page.CheckPageAsync();
        await Page.ClickButtonAsync("Make a copy to edit");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Edit the framework");
        await Page.FillInAsync("Name of feature 1", string.Empty);
        await Page.ClickButtonAsync("Save the framework");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Enter a name for feature 1");
        await Page.FillInAsync("Name of feature 1", "Understand how technology changes our services");
        await Page.ClickButtonAsync("Save the framework");
        await Expect(Page.Locator("main h2").First).ToHaveTextAsync("1. Understand how technology changes our services");

        // Importing: something that is not a framework is refused in the error summary, a framework is added.
        await Page.GoToAsync("/anytown/mindset/frameworks/import");
        await Page.FillInAsync("Or paste the JSON", "{ not json");
        await Page.ClickButtonAsync("Import");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("The file is not a framework in JSON");
        var imported = $"Imported {Guid.NewGuid():N}"[..17];
        await Page.FillInAsync("Or paste the JSON", $$"""{"name":"{{imported}}","features":[{"number":1,"name":"Open standards","description":"","statements":["We publish our data openly"]}]}""");
        await Page.ClickButtonAsync("Import");
        await Expect(Page.MainHeading()).ToHaveTextAsync(imported);
    }
}
