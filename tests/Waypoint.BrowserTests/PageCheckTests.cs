using Microsoft.Playwright;
using Xunit.Sdk;

namespace Waypoint.BrowserTests;

/// <summary>The checks every other test relies on can fail: a page with a fault does not pass them.</summary>
public sealed class PageCheckTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Accessibility_check_fails_a_field_without_a_label(bool javaScriptEnabled)
    {
        var page = javaScriptEnabled ? Page : await Browser.NewPageAsync(javaScriptEnabled: false);
        try
        {
            await page.GoToAsync("/account/sign-in");
            await page.EvaluateAsync("() => document.querySelector('label[for=email]').remove()");

            var failure = await Assert.ThrowsAsync<FailException>(page.AssertAccessibleAsync);
            Assert.Contains("- label (critical)", failure.Message, StringComparison.Ordinal);
            Assert.Contains("#email", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (page != Page)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task Page_check_fails_what_the_content_security_policy_refused()
    {
        await Page.GoToAsync("/account/sign-in");
        await Page.RunAndWaitForConsoleMessageAsync(() => Page.EvaluateAsync(
            "() => { const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.append(s); }"));

        var failure = await Assert.ThrowsAsync<TrueException>(() => Page.CheckPageAsync());
        Assert.Contains("Content Security Policy", failure.Message, StringComparison.Ordinal);
    }
}
