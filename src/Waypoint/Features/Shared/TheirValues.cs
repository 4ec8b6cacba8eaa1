using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Waypoint.Features.Shared;

/// <summary>
/// What someone else saved in a record while a person had its form open, by the form's field names (the record's
/// property names in camelCase). The form's fields show each one beside the person's own value when they differ.
/// </summary>
public sealed class TheirValues(IReadOnlyDictionary<string, object?> values)
{
    public const string Key = "TheirValues";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static TheirValues? From(ViewDataDictionary viewData) => viewData[Key] as TheirValues;

    /// <summary>Every value of a stored record, the ones it keeps inside itself (a step's risk) by their own names.</summary>
    public static TheirValues Of(EntityEntry entry)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in entry.Properties)
        {
            values[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = property.CurrentValue;
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                values[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = property.CurrentValue;
            }
        }

        return new TheirValues(values);
    }

    /// <summary>
    /// Their value for a field, as the field would send it and in words (using the field's options where it has
    /// them), or null when the record has no such value.
    /// </summary>
    public (string Raw, string Words)? For(string field, IEnumerable<(string Value, string Text)>? options = null)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        var raw = value switch
        {
            null => string.Empty,
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool yes => yes ? "true" : "false",
            decimal number => FormValues.Text(number),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object>()),
            _ => value.ToString() ?? string.Empty,
        };
        var words = options?.FirstOrDefault(o => string.Equals(o.Value, raw, StringComparison.OrdinalIgnoreCase)).Text
                    ?? value switch
                    {
                        null => "nothing",
                        DateOnly date => date.ToString("d MMMM yyyy", British),
                        bool yes => yes ? "Yes" : "No",
                        string { Length: 0 } => "nothing",
                        _ => raw,
                    };
        return (raw, words);
    }

    /// <summary>Their value in words when it differs from <paramref name="mine"/> (what the person sent), else null.</summary>
    public string? Differing(string field, string? mine, IEnumerable<(string Value, string Text)>? options = null) =>
        For(field, options) is { } theirs && !string.Equals(theirs.Raw.Trim(), (mine ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase)
            ? theirs.Words
            : null;
}
