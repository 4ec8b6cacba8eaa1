using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Waypoint.BrowserTests;

/// <summary>
/// What a page met while it was open: the status its document came with, and anything a person would see as a
/// broken or unstyled page — an uncaught script error, a stylesheet, script or image that did not load, or
/// something the Content-Security-Policy refused.
/// </summary>
public static class PageProblems
{
    private sealed class Record
    {
        public List<string> Problems { get; } = [];

        public int? DocumentStatus { get; set; }

        /// <summary>Addresses whose answer was a file to save: the browser reports them as aborted navigations.</summary>
        public HashSet<string> Downloads { get; } = [];
    }

    private static readonly ConditionalWeakTable<IPage, Record> Records = [];

    public static void Watch(IPage page)
    {
        var record = Records.GetOrCreateValue(page);
        void Add(string problem)
        {
            lock (record)
            {
                record.Problems.Add(problem);
            }
        }

        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Headers.TryGetValue("content-disposition", out var disposition)
                && disposition.StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                // A download (such as a CSV of invitation links) leaves the page as it was.
                lock (record)
                {
                    record.Downloads.Add(response.Url);
                }
            }
            else if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                // After redirects, the last one is the page shown.
                lock (record)
                {
                    record.DocumentStatus = response.Status;
                }
            }
            else if (response.Status >= 400)
            {
                Add($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            lock (record)
            {
                if (request.Failure == "net::ERR_ABORTED" && record.Downloads.Contains(request.Url))
                {
                    return;
                }
            }

            Add($"{request.Method} {request.Url} failed: {request.Failure}");
        };
        page.PageError += (_, error) => Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            // The browser also logs every failed response here; those are reported above, with the page's own
            // status checked by the test.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Add($"console error: {message.Text} ({message.Location})");
            }
        };
    }

    /// <summary>The status of the document shown, and the problems reported since the last call, which are then forgotten.</summary>
    public static (int? DocumentStatus, IReadOnlyList<string> Problems) Take(IPage page)
    {
        var record = Records.GetOrCreateValue(page);
        lock (record)
        {
            var problems = record.Problems.ToList();
            record.Problems.Clear();
            return (record.DocumentStatus, problems);
        }
    }
}
