using Microsoft.AspNetCore.Mvc.ModelBinding;
using Waypoint.Core;

namespace Waypoint.Infrastructure.Web;

/// <summary>
/// How a <see cref="RuleViolation"/> reaches people: on a page as a GOV.UK error against the field (whose input id
/// is the field's name), and in the API as problem details with the field named.
/// </summary>
public static class FieldErrors
{
    public static void Add(this ModelStateDictionary modelState, RuleViolation violation) =>
        modelState.AddModelError(violation.Field, violation.Message);

    public static Dictionary<string, string[]> ToDictionary(this RuleViolation violation) =>
        new(StringComparer.Ordinal) { [violation.Field] = [violation.Message] };

    public static Dictionary<string, string[]> ToDictionary(this RuleViolations violations) =>
        violations.Items.GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// In the API, a broken rule is the client's mistake: a 400 naming the field, not a logged server error. A change to a
/// record that changed meanwhile is 412, and one the database refused as a duplicate is 409.
/// </summary>
public static class RuleViolationFilter
{
    public static async ValueTask<object?> AsValidationProblem(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RecordChanged)
        {
            return Api.Stale();
        }
        catch (RecordConflict conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already there", detail: conflict.Message,
                extensions: string.IsNullOrEmpty(conflict.Field) ? null : new Dictionary<string, object?> { ["errors"] = conflict.ToDictionary() });
        }
        catch (RuleViolation violation)
        {
            return TypedResults.ValidationProblem(violation.ToDictionary(), detail: violation.Message, title: "Some values are not valid");
        }
        catch (RuleViolations violations) when (violations.Items.Count > 0 && violations.Items.All(v => v is RecordConflict))
        {
            // Every refused row clashes with a record already there (sent twice, or racing another request).
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already there", detail: violations.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = violations.ToDictionary() });
        }
        catch (RuleViolations violations)
        {
            return TypedResults.ValidationProblem(violations.ToDictionary(), detail: violations.Message, title: "Some values are not valid");
        }
    }
}
