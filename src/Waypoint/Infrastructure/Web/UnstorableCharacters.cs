using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Waypoint.Core.Organisations;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// Refuses, before anything looks it up, a request whose path, query string or form holds a character no Waypoint
/// text may hold, such as a NUL (<c>/any%00town/outcomes</c>): PostgreSQL cannot even compare text containing one,
/// so it would otherwise fail deep inside a query. Kestrel turns some of these away itself; other servers, proxies
/// and the test host pass them on. The API answers 400 problem details; pages the 400 error page.
/// </summary>
public sealed class UnstorableCharacters(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error page, shown for this very refusal, is asked for with the same request: let it through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await FindAsync(context.Request) is { } problem)
        {
            if (Problems.IsApi(context))
            {
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The request is not valid", problem);
            }
            else
            {
                // The error page is shown by running the request again; it must not read the refused form a second time.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return;
        }

        await next(context);
    }

    private static async Task<string?> FindAsync(HttpRequest request)
    {
        // No address has a tab or a line break in it either.
        var path = request.Path.Value ?? string.Empty;
        if (path.Any(c => c is '\t' or '\n' or '\r') || Text.ForbiddenCharacter(path) is not null)
        {
            return $"The address contains {Text.ForbiddenCharacter(path) ?? "a tab or a line break"}, which no Waypoint address has.";
        }

        foreach (var (key, values) in request.Query)
        {
            if (Text.ForbiddenCharacter(key) is { } inKey)
            {
                return $"A query parameter's name contains {inKey}.";
            }

            foreach (var value in values)
            {
                if (value is not null && Text.ForbiddenCharacter(value) is { } inValue)
                {
                    return $"The query parameter {key} contains {inValue}.";
                }
            }
        }

        // Page forms: the fields that reach a lookup (an email address, a survey code) rather than a text rule.
        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The framework's form reader refuses a percent-encoded NUL itself, and a form too large.
                return "The form could not be read: it holds characters no form field may hold, or too much.";
            }

            foreach (var (key, values) in form)
            {
                foreach (var value in values)
                {
                    if (value is not null && Text.ForbiddenCharacter(value) is { } inField)
                    {
                        return $"The field {key} contains {inField}.";
                    }
                }
            }
        }

        return null;
    }
}
