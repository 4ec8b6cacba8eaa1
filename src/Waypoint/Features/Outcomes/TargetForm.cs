using Microsoft.AspNetCore.Mvc.ModelBinding;
using Waypoint.Core;
using Waypoint.Features.Shared;
using Waypoint.Infrastructure.Web;

namespace Waypoint.Features.Outcomes;

/// <summary>The fields of a target as the add and move forms send them, as typed.</summary>
public sealed class TargetForm
{
    public DateParts BaselineDate { get; set; } = new();

    public string? BaselineValue { get; set; }

    public DateParts TargetDate { get; set; } = new();

    public string? TargetValue { get; set; }

    public string? Tolerance { get; set; }

    public static TargetForm From(Core.Outcomes.Target target) => new()
    {
        BaselineDate = DateParts.From(target.BaselineDate),
        BaselineValue = FormValues.Text(target.BaselineValue),
        TargetDate = DateParts.From(target.TargetDate),
        TargetValue = FormValues.Text(target.TargetValue),
        Tolerance = target.Tolerance == 0 ? null : FormValues.Text(target.Tolerance),
    };

    /// <summary>Reads every field, naming each that cannot be read, so a person sees all their mistakes at once.</summary>
    public TargetInput Read(Guid? indicatorId, string? reason)
    {
        var problems = new List<RuleViolation>();
        T? Try<T>(Func<T?> read)
            where T : struct
        {
            try
            {
                return read();
            }
            catch (RuleViolation violation)
            {
                problems.Add(violation);
                return null;
            }
        }

        var input = new TargetInput(
            indicatorId,
            Try(() => FormValues.Date(BaselineDate, "baselineDate", "baseline date")),
            Try(() => FormValues.Number(BaselineValue, "baselineValue", "baseline value")),
            Try(() => FormValues.Date(TargetDate, "targetDate", "target date")),
            Try(() => FormValues.Number(TargetValue, "targetValue", "target value")),
            Try(() => FormValues.Number(Tolerance, "tolerance", "tolerance")),
            reason);
        return problems.Count == 0 ? input : throw new RuleViolations("Some values could not be read", problems);
    }
}

public static class ModelStateExtensions
{
    /// <summary>Shows each of several broken rules against its field.</summary>
    public static void Add(this ModelStateDictionary modelState, RuleViolations violations)
    {
        foreach (var violation in violations.Items)
        {
            modelState.Add(violation);
        }
    }
}
