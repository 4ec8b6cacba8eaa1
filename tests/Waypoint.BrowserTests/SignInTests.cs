using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Waypoint.BrowserTests;

public sealed class SignInTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Wrong_password_shows_the_error_summary_and_stays_on_sign_in()
    {
        // Not a person other tests sign in as: wrong passwords count toward locking the account.
        await Page.SignInAsync("viewer@anytown.example", "not the right password");

        Assert.Equal("/account/sign-in", Page.Path());
        await Expect(Page).ToHaveTitleAsync("Error: Sign in – Waypoint");
        await Expect(Page.ErrorSummary()).ToContainTextAsync("There is a problem");
        var link = Page.ErrorSummary().GetByRole(AriaRole.Link, new() { Name = "Enter an email address and password that match an account" });
        await Expect(link).ToHaveAttributeAsync("href", "#email");
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).ToHaveValueAsync("viewer@anytown.example");
        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task Keyboard_alone_skips_to_the_form_and_signs_in()
    {
        await Page.GoToAsync("/account/sign-in");

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeVisibleAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("leader@anytown.example");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(WaypointApp.DemoPassword);
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/anytown");
        await Page.CheckPageAsync();
        await Expect(Page.MainHeading()).ToHaveTextAsync("Anytown Borough Council");
    }

    [Fact]
    public async Task Sign_out_button_at_the_top_of_the_page_signs_out()
    {
        await Page.SignInAsync("member@anytown.example");
        await Expect(Page.MainHeading()).ToHaveTextAsync("Anytown Borough Council");

        await Page.ClickButtonAsync("Sign out");
        Assert.Equal("/account/signed-out", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("You have signed out");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        // Signed out for real: the organisation now asks for sign-in first.
        await Page.GoToAsync("/anytown");
        Assert.Equal("/account/sign-in", Page.Path());
        await Expect(Page.MainHeading()).ToHaveTextAsync("Sign in to Waypoint");
    }
}
