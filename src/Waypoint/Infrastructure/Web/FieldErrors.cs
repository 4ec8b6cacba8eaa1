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

/// <summary>In the API, a broken rule is the client's mistake: a 400 naming the field, not a logged server error.</summary>
public static class RuleViolationFilter
{
    public static async ValueTask<object?> AsValidationProblem(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolation violation)
        {
            return TypedResults.ValidationProblem(violation.ToDictionary(), detail: violation.Message, title: "Some values are not valid");
        }
        catch (RuleViolations violations)
        {
            return TypedResults.ValidationProblem(violations.ToDictionary(), detail: violations.Message, title: "Some values are not valid");
        }
    }
}
