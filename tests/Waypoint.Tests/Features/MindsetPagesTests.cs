using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core;
using Waypoint.Core.Mindset;
using Waypoint.Data;
using Waypoint.Features.Demo;
using Waypoint.Features.Mindset;

namespace Waypoint.Tests.Features;

/// <summary>The mindset pages as people without JavaScript use them: taking part signed out, refusals, and who may change what.</summary>
public abstract class MindsetPagesTests(WaypointApp app)
{
    private static readonly Guid Anytown = DemoSeeder.IdFor("anytown");
    private static readonly Guid Pulse = DemoSeeder.IdFor("anytown/mindset/campaign/Digital mindset pulse check");

    private async Task<T> InAnytownAsync<T>(Func<IServiceProvider, WaypointDb, Task<T>> work)
    {
        await app.ReadyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaypointDb>();
        db.Scope.EnterOrganisation(Anytown);
        return await work(scope.ServiceProvider, db);
    }

    private Task<string> PulseLinkAsync(string group) =>
        InAnytownAsync((_, db) => db.RespondentGroups.Where(g => g.CampaignId == Pulse && g.Name == group).Select(g => g.LinkCode).SingleAsync());

    private Task<int> ResponsesAsync(Guid campaign) =>
        InAnytownAsync((_, db) => db.MindsetResponses.CountAsync(r => r.CampaignId == campaign));

    /// <summary>An answer for every statement the form asks, as its radios name them.</summary>
    private static Dictionary<string, string> AllAnswers(IHtmlDocument form, string value = "4") =>
        form.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")!).Distinct().ToDictionary(n => n, _ => value);

    [Fact]
    public async Task Unanswered_statements_are_listed_in_the_error_summary_what_was_chosen_stays_and_nothing_is_stored()
    {
        var url = $"/anytown/take-part/{await PulseLinkAsync("Service managers")}";
        var anonymous = await app.AnonymousAsync();
        var page = await anonymous.GetPageAsync(url);
        Assert.Equal("Digital mindset pulse check", page.QuerySelector("h1")!.TextContent.Trim());
        // Signed out, the respondent still sees which organisation is asking, but none of its menu.
        Assert.Equal("Anytown Borough Council", page.QuerySelector(".govuk-service-navigation__service-name")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("nav[aria-label=Menu]"));
        Assert.Equal(45, page.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")).Distinct().Count());

        var answers = AllAnswers(page);
        answers.Remove("feature-2-statement-3");
        answers.Remove("feature-15-statement-1");
        answers["feature-1-comment"] = "Leaders ask before they tell";
        var before = await ResponsesAsync(Pulse);
        var response = await anonymous.SubmitFormAsync(url, answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var refused = await PageClient.ParseAsync(response);
        var links = refused.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#feature-2-statement-3", "#feature-15-statement-1"], links);
        Assert.NotNull(refused.QuerySelector("#feature-2-statement-3"));
        Assert.NotNull(refused.QuerySelector("input[name='feature-1-statement-1'][value='4'][checked]"));
        Assert.Equal("Leaders ask before they tell", refused.QuerySelector("#feature-1-comment")!.TextContent);
        Assert.Equal(before, await ResponsesAsync(Pulse));

        // Answered in full, the response is stored and the browser is sent to a thank-you page that names nothing.
        answers["feature-2-statement-3"] = "0";
        answers["feature-15-statement-1"] = "2";
        var sent = await anonymous.SubmitFormAsync(url, answers);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/anytown/take-part/thank-you", sent.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, await ResponsesAsync(Pulse));
    }

    [Fact]
    public async Task An_invitation_link_works_once_keeps_its_token_out_of_the_address_it_posts_to_and_then_says_it_was_used()
    {
        var (campaign, token) = await InAnytownAsync(async (services, db) =>
        {
            var framework = await services.GetRequiredService<FrameworkService>().EnsureDefaultAsync(CancellationToken.None);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var created = await services.GetRequiredService<CampaignService>().CreateAsync(
                new CampaignInput($"Invited pages {Guid.NewGuid():N}", framework.Id, today.AddDays(-2), today.AddDays(5), ["Councillors"]), CancellationToken.None);
            var group = await db.RespondentGroups.SingleAsync(g => g.CampaignId == created.Id);
            var delivery = await services.GetRequiredService<InvitationService>().InviteAsync(created.Id, group.Id, ["councillor@anytown.example"], "http://localhost", CancellationToken.None);
            var link = Encoding.UTF8.GetString(delivery!.Content!).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[1];
            return (created.Id, link[(link.LastIndexOf('/') + 1)..]);
        });

        var anonymous = await app.AnonymousAsync();
        var url = $"/anytown/take-part/invited/{token}";
        var opened = await anonymous.GetAsync(url);
        Assert.Equal(["no-referrer"], opened.Headers.GetValues("Referrer-Policy"));
        Assert.True(opened.Headers.CacheControl?.NoStore);
        var page = await PageClient.ParseAsync(opened);
        var form = page.QuerySelector("form[data-waypoint-survey]")!;
        Assert.Equal("/anytown/take-part/invited", form.GetAttribute("action"));
        Assert.Equal(token, form.QuerySelector("input[type=hidden][name=token]")!.GetAttribute("value"));
        Assert.DoesNotContain(token, form.GetAttribute("data-waypoint-survey"), StringComparison.Ordinal);
        Assert.Single(page.DocumentElement.OuterHtml.Split(token)[1..]);

        var sent = await anonymous.SubmitFormAsync(url, AllAnswers(page, "3"));
        Assert.Equal("/anytown/take-part/thank-you", sent.Headers.Location?.OriginalString);
        Assert.Equal(1, await ResponsesAsync(campaign));

        var spent = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
        var text = (await PageClient.ParseAsync(spent)).QuerySelector("main")!.TextContent;
        Assert.Contains(Response.SpentMessage, text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]", text);

        var unknown = await anonymous.GetAsync("/anytown/take-part/invited/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(Response.UnknownLinkMessage, (await PageClient.ParseAsync(unknown)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_before_closing_show_the_counts_of_answers_and_no_score()
    {
        var member = await app.SignedInAsync("member@anytown.example");
        var page = await member.GetPageAsync($"/anytown/mindset/campaigns/{Pulse}/results");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Results are shown once the campaign closes", main, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#heat-map-table"));
        Assert.Null(page.QuerySelector("#overall"));
        Assert.Equal(6, page.QuerySelectorAll("table tbody tr").Length);
        Assert.DoesNotContain("Mean", main, StringComparison.Ordinal);

        // A group below the smallest group shown is only said to be so: a group that small will be held back, and so is its size.
        var stored = await InAnytownAsync((_, db) => db.RespondentGroups.Where(g => g.CampaignId == Pulse)
            .Select(g => new { g.Name, Count = db.MindsetResponses.Count(r => r.GroupId == g.Id) }).ToListAsync());
        string Expected(int n) => n is > 0 and < 5 ? "Fewer than 5" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shown = page.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(stored.ToDictionary(g => g.Name, g => Expected(g.Count)), shown);
        Assert.Contains("Fewer than 5", shown.Values);

        // The campaign's own page shows the same counts, and a member gets none of the leaders' forms.
        var campaign = await member.GetPageAsync($"/anytown/mindset/campaigns/{Pulse}");
        Assert.Equal(shown, campaign.QuerySelectorAll("#answers ~ table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.DoesNotContain(campaign.Forms, f => f.GetAttribute("action")?.Contains("handler=", StringComparison.Ordinal) == true);
        Assert.Null(campaign.QuerySelector("code"));
    }

    private static DateOnly Today()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime);
    }

    /// <summary>A person's score on a feature, as anyone would work it out: the mean of their answers, "don't know" (0) left out.</summary>
    private static double? Score(GroupAnswers group, int person, int feature)
    {
        var given = Enumerable.Range(1, 3).Select(s => group.Answer(person, feature, s)).Where(v => v > 0).ToList();
        return given.Count == 0 ? null : given.Average();
    }

    /// <summary>The mean of the people's scores on a feature (or, with none, on all fifteen: the overall score), from the answers themselves.</summary>
    private static double Mean(IEnumerable<GroupAnswers> groups, int? feature)
    {
        double? Of(GroupAnswers g, int p) => feature is { } f ? Score(g, p, f)
            : Enumerable.Range(1, 15).Select(f => Score(g, p, f)).OfType<double>().DefaultIfEmpty(double.NaN).Average() is var m && !double.IsNaN(m) ? m : null;
        return groups.SelectMany(g => Enumerable.Range(0, g.People).Select(p => Of(g, p))).OfType<double>().Average();
    }

    private static string Band(decimal shown) => shown < 2.5m ? "weak" : shown < 3.5m ? "middling" : "strong";

    private static string Cell(double mean) => $"{Figures.Text(mean, 1)} ({Band(Figures.Round(mean, 1))})";

    [Fact]
    public async Task Closed_results_read_as_recomputed_from_the_answers_with_halves_up_bands_and_changes_from_the_means_shown()
    {
        // Last time: Staff scored 2.45 on feature 1 (shown 2.5) and 2.25 on feature 2 (shown 2.3).
        GroupAnswers[] before =
        [
            new("Staff", 20, (p, f, _) => f == 1 ? (p < 11 ? 2 : 3) : f == 2 ? (p < 15 ? 2 : 3) : 4),
            new("Managers", 6, (_, _, _) => 3),
            new("Digital", 8, (_, _, _) => 4),
        ];
        // Now: Staff 2.64 on feature 1 (shown 2.6, up 0.1 from the 2.5 shown, though 0.19 from 2.45); four of the six
        // managers' five colleagues said "don't know" to feature 3, so only one manager scored it.
        GroupAnswers[] now =
        [
            new("Staff", 25, (p, f, _) => f == 1 ? (p < 9 ? 2 : 3) : f == 2 ? 4 : f == 3 ? 3 : p % 2 == 0 ? 4 : 5),
            new("Managers", 6, (p, f, _) => f == 3 ? (p == 0 ? 1 : 0) : 3),
            new("Digital", 8, (p, f, _) => f == 1 && p == 0 ? 1 : 5),
        ];
        var earlier = await app.CampaignWithAnswersAsync(Anytown, Today().AddDays(-10), Today().AddDays(-1), before);
        var latest = await app.CampaignWithAnswersAsync(Anytown, Today().AddDays(-3), Today().AddDays(3), now);
        var leader = await app.SignedInAsync("leader@anytown.example");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.SubmitFormAsync($"/anytown/mindset/campaigns/{latest}/close", new())).StatusCode);

        var member = await app.SignedInAsync("member@anytown.example");
        var page = await member.GetPageAsync($"/anytown/mindset/campaigns/{latest}/results");
        var heat = page.QuerySelector("#heat-map-table")!;
        Assert.Equal(["Feature", "Digital", "Managers", "Staff", "All"], heat.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()));
        var groups = new[] { "Digital", "Managers", "Staff" };
        var rows = heat.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(16, rows.Count);
        for (var row = 0; row < 16; row++)
        {
            int? feature = row < 15 ? row + 1 : null;
            var cells = rows[row].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            for (var column = 0; column < groups.Length; column++)
            {
                // Feature 3 rests on one manager: held back, with Digital beside it so that All minus Staff is not that
                // manager; and so are both groups' overall scores, which would give feature 3 away.
                var held = groups[column] != "Staff" && feature is null or 3;
                if (held)
                {
                    Assert.StartsWith("Held back", cells[column], StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(Cell(Mean(now.Where(g => g.Group == groups[column]), feature)), cells[column]);
                }
            }

            Assert.Equal(Cell(Mean(now, feature)), cells[^1]);
        }

        Assert.Equal("2.6 (middling)", rows[0].QuerySelectorAll("td")[2].TextContent.Trim());

        // Beside each feature's score for everyone, last time's as shown there, and the change between the two as shown.
        var changes = page.QuerySelectorAll("#changes-table tbody tr").ToList();
        for (var feature = 1; feature <= 15; feature++)
        {
            var (then, current) = (Figures.Round(Mean(before, feature), 1), Figures.Round(Mean(now, feature), 1));
            var difference = current - then;
            var words = difference > 0 ? $"↑ up {Figures.Text(difference, 1)}" : difference < 0 ? $"↓ down {Figures.Text(-difference, 1)}" : "→ no change";
            Assert.Equal([Figures.Text(then, 1), Figures.Text(current, 1), words], changes[feature - 1].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        }

        // The campaign before, on its own page: 2.45 shows as 2.5 and is middling, not weak; 2.25 shows as 2.3.
        var previous = (await member.GetPageAsync($"/anytown/mindset/campaigns/{earlier}/results")).QuerySelectorAll("#heat-map-table tbody tr").ToList();
        Assert.Equal("2.5 (middling)", previous[0].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Equal("2.3 (weak)", previous[1].QuerySelectorAll("td")[2].TextContent.Trim());

        // A feature's own page: Staff up 0.1, the difference of 2.6 and 2.5; one answer in eight is 13%.
        var first = await member.GetPageAsync($"/anytown/mindset/campaigns/{latest}/results/features/1");
        var spread = first.QuerySelectorAll("#distribution tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        Assert.Equal("↑ up 0.1", spread["Staff"][1]);
        Assert.Equal("3 (13%)", spread["Digital"][2]);
        Assert.Equal("21 (88%)", spread["Digital"][6]);
    }

    [Fact]
    public async Task A_member_cannot_change_campaigns_groups_frameworks_or_the_smallest_group()
    {
        var member = await app.SignedInAsync("member@anytown.example");
        var framework = DemoSeeder.IdFor("anytown/mindset/framework");
        foreach (var url in new[]
                 {
                     "/anytown/mindset", "/anytown/mindset/campaigns/new", $"/anytown/mindset/campaigns/{Pulse}?handler=AddGroup",
                     $"/anytown/mindset/campaigns/{Pulse}?handler=Invite", $"/anytown/mindset/campaigns/{Pulse}/close",
                     $"/anytown/mindset/campaigns/{Pulse}/edit", $"/anytown/mindset/frameworks/{framework}?handler=Clone",
                     "/anytown/mindset/frameworks/import",
                 })
        {
            var response = await member.PostAsync(url, new FormUrlEncodedContent([new("groupName", "Sneaky"), new("minimumGroupSize", "3")]));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {(int)response.StatusCode}");
        }

        Assert.Equal(5, await InAnytownAsync((_, db) => db.Organisations.Where(o => o.Id == Anytown).Select(o => o.MinimumGroupSize).SingleAsync()));
        Assert.False(await InAnytownAsync((_, db) => db.RespondentGroups.AnyAsync(g => g.Name == "Sneaky")));
    }

    [Fact]
    public async Task A_leader_cannot_set_the_smallest_group_below_three()
    {
        var leader = await app.SignedInAsync("leader@anytown.example");
        var refused = await PageClient.ParseAsync(await leader.SubmitFormAsync("/anytown/mindset", new() { ["minimumGroupSize"] = "2" }));
        Assert.Equal("#minimumGroupSize", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(5, await InAnytownAsync((_, db) => db.Organisations.Where(o => o.Id == Anytown).Select(o => o.MinimumGroupSize).SingleAsync()));
    }

    [Fact]
    public async Task A_leader_renames_a_group_and_cannot_remove_one_that_has_answers()
    {
        var leader = await app.SignedInAsync("leader@anytown.example");
        var url = $"/anytown/mindset/campaigns/{Pulse}";
        var (frontline, partners) = await InAnytownAsync(async (_, db) =>
        {
            var groups = await db.RespondentGroups.Where(g => g.CampaignId == Pulse).ToListAsync();
            return (groups.Single(g => g.Name == "Frontline staff").Id, groups.Single(g => g.Name == "Partners and suppliers").Id);
        });

        var refused = await PageClient.ParseAsync(await leader.SubmitFormAsync(url, new() { ["groupId"] = frontline.ToString() }, handler: "RemoveGroup"));
        var link = refused.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("People in Frontline staff have already answered, so the group cannot be removed. You can rename it", link.TextContent);
        Assert.NotNull(refused.QuerySelector(link.GetAttribute("href")!));

        string RevisionOf(AngleSharp.Html.Dom.IHtmlDocument shown) =>
            shown.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name=groupId][value='{partners}']") is not null)
                .QuerySelector("input[name=revision]")!.GetAttribute("value")!;
        var read = RevisionOf(await leader.GetPageAsync(url));
        var renamed = await leader.SubmitFormAsync(url, new() { ["groupId"] = partners.ToString(), ["groupName"] = "Partners", ["revision"] = read }, handler: "RenameGroup");
        Assert.Equal($"{url}?saved=renamed#groups", renamed.Headers.Location?.OriginalString);
        var page = await leader.GetPageAsync(url);
        Assert.Contains("Partners", page.QuerySelectorAll(".govuk-summary-card__title").Select(t => t.TextContent.Trim()));

        // A rename posted from the page as it was before that one is refused: someone renamed the group meanwhile.
        var stale = await PageClient.ParseAsync(await leader.SubmitFormAsync(url, new() { ["groupId"] = partners.ToString(), ["groupName"] = "Partners old", ["revision"] = read }, handler: "RenameGroup"));
        Assert.Contains("Someone changed this since you opened it", stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        // Put back as it was, for the other tests of this class.
        var back = await leader.SubmitFormAsync(url, new() { ["groupId"] = partners.ToString(), ["groupName"] = "Partners and suppliers", ["revision"] = RevisionOf(page) }, handler: "RenameGroup");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task A_leader_creates_an_outcome_from_a_weak_feature_of_a_closed_campaign()
    {
        var closed = await InAnytownAsync((_, db) =>
            db.MindsetCampaigns.Where(c => c.Id != Pulse && c.Name.StartsWith("Digital mindset 2")).OrderByDescending(c => c.ClosesOn).Select(c => c.Id).FirstAsync());
        var leader = await app.SignedInAsync("leader@anytown.example");
        var url = $"/anytown/mindset/campaigns/{closed}/results/features/3";
        var page = await leader.GetPageAsync(url);
        Assert.Equal("Strengthen \"Take calculated risks\"", page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.DoesNotContain("Councillors", page.QuerySelector("main")!.TextContent.Replace("Councillors and Leadership are not shown", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var refused = await PageClient.ParseAsync(await leader.SubmitFormAsync(url, new() { ["teamId"] = "" }));
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#targetDate']"));

        var team = DemoSeeder.IdFor("anytown/team/Digital Services");
        var created = await leader.SubmitFormAsync(url, new()
        {
            ["title"] = "Strengthen calculated risk-taking", ["userNeed"] = "As staff we need to try things safely",
            ["doneMeans"] = "The next campaign scores this feature higher",
            ["teamId"] = team.ToString(), ["targetDate.day"] = "31", ["targetDate.month"] = "3", ["targetDate.year"] = "2028",
        });
        var location = created.Headers.Location?.OriginalString ?? string.Empty;
        Assert.StartsWith("/anytown/outcomes/", location, StringComparison.Ordinal);
        var outcome = Guid.Parse(location["/anytown/outcomes/".Length..]);
        var source = await InAnytownAsync((_, db) => db.Outcomes.Where(o => o.Id == outcome).Select(o => new { o.SourceCampaignId, o.SourceFeatureNumber }).SingleAsync());
        Assert.Equal((closed, 3), (source.SourceCampaignId!.Value, source.SourceFeatureNumber!.Value));
    }
}

public sealed class MindsetPagesOnSqlite(SqliteApp app) : MindsetPagesTests(app), IClassFixture<SqliteApp>;

public sealed class MindsetPagesOnPostgres(PostgresApp app) : MindsetPagesTests(app), IClassFixture<PostgresApp>;
