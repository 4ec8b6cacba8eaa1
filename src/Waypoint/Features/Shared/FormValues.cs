using System.Globalization;
using Waypoint.Core;
using Waypoint.Core.Organisations;

namespace Waypoint.Features.Shared;

/// <summary>A date as a GOV.UK date input sends it: day, month and year in three fields, as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);
}

/// <summary>
/// Reads what people type into forms. A blank field reads as nothing, so that the service's own "Enter …" message
/// names it; something that cannot be read gets a message naming the field, keyed by the field's input id.
/// </summary>
public static class FormValues
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="field">The input's id, such as <c>targetDate</c>.</param>
    /// <param name="name">The field in words, such as "target date".</param>
    public static DateOnly? Date(DateParts? parts, string field, string name)
    {
        if (parts is null || parts.IsEmpty)
        {
            return null;
        }

        var missing = new[] { ("day", parts.Day), ("month", parts.Month), ("year", parts.Year) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolation(field, $"The {name} must include a {string.Join(" and a ", missing)}");
        }

        if (!int.TryParse(parts.Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts.Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts.Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new RuleViolation(field, $"The {name} must be a real date, in numbers, such as 31 3 2027");
        }

        if (year < 1000)
        {
            throw new RuleViolation(field, $"The year of the {name} must have 4 numbers");
        }

        if (month is < 1 or > 12 || year > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new RuleViolation(field, $"The {name} must be a real date");
        }

        var date = new DateOnly(year, month, day);
        return DateRules.InRange(date) ? date : throw new RuleViolation(field, DateRules.OutOfRange($"The {name}"));
    }

    /// <summary>A number such as 42, -3.5 or 1,250. Commas between thousands and spaces around it are allowed.</summary>
    public static decimal? Number(string? text, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RuleViolation(field, $"Enter the {name} as a number, such as 42 or 12.5");
    }

    /// <summary>How a decimal is shown in a form field: as stored, without trailing zeros.</summary>
    public static string Text(decimal? value) => value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A date in words, the GOV.UK way: 31 March 2027.</summary>
    public static string Words(DateOnly date) => date.ToString("d MMMM yyyy", British);
}
