using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

/// <summary>Two people editing one outcome: the one who saves second is told, sees the other's values, and chooses.</summary>
public sealed class ConcurrencyTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_leader_who_saves_after_someone_else_sees_their_changes_beside_hers_and_can_save_again()
    {
        var outcome = await Browser.App.OutcomeWithValuesAsync();
        await Page.SignInAsync("leader@anytown.example");
        await Page.GoToAsync($"/anytown/outcomes/{outcome}/edit");
        await Page.FillInAsync("Title", "Calls answered first time, by the leader");

        // Meanwhile an admin renames it through the API.
        using var api = new HttpClient { BaseAddress = Browser.App.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Browser.App.TokenAsync("anytown", "admin@anytown.example"));
        var read = await api.GetAsync($"/api/v1/orgs/anytown/outcomes/{outcome}");
        var current = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orgs/anytown/outcomes/{outcome}")
        {
            Content = new StringContent($$"""
                {"teamId":"{{current.GetProperty("teamId")}}","title":"Calls answered first time, by the admin","userNeed":"{{current.GetProperty("userNeed").GetString()}}","doneMeans":"{{current.GetProperty("doneMeans").GetString()}}","targetDate":"{{current.GetProperty("targetDate")}}","visibility":"Organisation"}
                """, Encoding.UTF8, "application/json"),
        };
        rename.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        Assert.True((await api.SendAsync(rename)).IsSuccessStatusCode);

        await Page.ClickButtonAsync("Save changes");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("Someone changed this since you opened it");
        await Expect(Page.Locator("#title-theirs")).ToContainTextAsync("Calls answered first time, by the admin");
        await Expect(Page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Calls answered first time, by the leader");

        // Having seen theirs, she keeps hers.
        await Page.ClickButtonAsync("Save changes");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Calls answered first time, by the leader");
    }
}
