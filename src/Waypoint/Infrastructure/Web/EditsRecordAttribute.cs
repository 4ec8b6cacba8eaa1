using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core;
using Waypoint.Data;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Marks a page whose form edits one stored record. The form carries the revision it was drawn at (a hidden
/// <c>revision</c> field, see <c>_Revision.cshtml</c>); on a post, storage is told to write the record only if it is still
/// at that revision, checked in the database as part of the write. When someone else saved it meanwhile, nothing is
/// saved and the page shows the form again as the person filled it in, with the stale-form message and, beside each
/// field, what the other person saved — and the current revision, so that saving again is a deliberate choice.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class EditsRecordAttribute(Type record) : Attribute, IAsyncPageFilter
{
    public const string Field = "revision";

    /// <summary>The key of the revision to show in the form after a stale post.</summary>
    public const string CurrentRevisionKey = "CurrentRevision";

    public Type Record { get; } = record;

    /// <summary>The route value holding the record's id; null when the record is the organisation's own (its settings).</summary>
    public string? RouteKey { get; init; } = "id";

    /// <summary>Instead, the form field holding the record's id, for a page whose forms each edit one of several records.</summary>
    public string? FormKey { get; init; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || KeyOf(context) is not { } key)
        {
            await next();
            return;
        }

        var db = http.RequestServices.GetRequiredService<WaypointDb>();
        // A form that does not say which revision it was drawn at cannot be checked: it is treated as out of date.
        var posted = http.Request.HasFormContentType ? http.Request.Form[Field].ToString() : string.Empty;
        db.Scope.ExpectRevision(Record, key, int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : -1);

        var executed = await next();
        if (!db.Scope.FoundStaleRecord || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        if (executed.Exception is RecordChanged changed && !executed.ExceptionHandled)
        {
            page.ModelState.AddModelError(string.Empty, changed.Message);
            executed.ExceptionHandled = true;
            executed.Result = new PageResult();
        }

        if (await db.FindAsync(Record, key) is { } current)
        {
            page.ViewData[TheirValues.Key] = TheirValues.Of(db.Entry(current));
            page.ViewData[CurrentRevisionKey] = ((IVersionedRecord)current).Revision;
        }
    }

    private Guid? KeyOf(PageHandlerExecutingContext context)
    {
        if (FormKey is not null)
        {
            var request = context.HttpContext.Request;
            return request.HasFormContentType && Guid.TryParse(request.Form[FormKey].ToString(), out var posted) ? posted : null;
        }

        if (RouteKey is null)
        {
            return context.HttpContext.RequestServices.GetRequiredService<OrganisationContext>().Organisation.Id;
        }

        return context.RouteData.Values.TryGetValue(RouteKey, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;
    }
}
