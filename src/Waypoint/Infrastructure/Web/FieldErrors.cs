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
}
