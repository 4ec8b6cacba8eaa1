using System.Runtime.CompilerServices;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waypoint.BrowserTests;

/// <summary>Checks a page against WCAG 2.2 A and AA with axe-core, as every page a test visits must pass.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    private static readonly ConditionalWeakTable<IPage, object> WithoutJavaScript = [];

    /// <summary>Marks a page whose browser context has JavaScript off, where axe cannot run in place.</summary>
    public static void RunsWithoutJavaScript(IPage page) => WithoutJavaScript.AddOrUpdate(page, new object());

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = WithoutJavaScript.TryGetValue(page, out _)
            ? await RunAxeOnCopyAsync(page)
            : await page.RunAxe(Wcag22AA);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine($"axe found {result.Violations.Length} kind(s) of WCAG 2.2 AA violation on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    report.AppendLine($"      {check.Message}");
                }
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// axe needs timers, which do not run where JavaScript is off. So the page as that browser has it (its HTML, at
    /// its address, with the app's stylesheets) is opened in a second context where axe can run but the page's own
    /// scripts are refused, and checked there.
    /// </summary>
    private static async Task<AxeResult> RunAxeOnCopyAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var address = page.Url;
        var browser = page.Context.Browser ?? throw new InvalidOperationException("The page has no browser.");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
        });
        var copy = await context.NewPageAsync();
        await copy.RouteAsync("**/*", async route =>
        {
            if (route.Request.IsNavigationRequest && route.Request.Url == address)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            }
            else if (route.Request.ResourceType == "script")
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await copy.GotoAsync(address);
        return await copy.RunAxe(Wcag22AA);
    }
}
