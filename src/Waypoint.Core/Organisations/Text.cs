namespace Waypoint.Core.Organisations;

/// <summary>The shared rules for free-text fields: trimmed, present when required, and within their length.</summary>
public static class Text
{
    /// <param name="label">How the field is named to people, such as "team name".</param>
    public static string Required(string? value, int maxLength, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RuleViolation(field, $"Enter {Article(label)} {label}");
        }

        return Optional(value, maxLength, field, label)!;
    }

    public static string? Optional(string? value, int maxLength, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new RuleViolation(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {maxLength} characters or fewer");
        }

        return trimmed;
    }

    private static string Article(string label) => "aeiou".Contains(char.ToLowerInvariant(label[0]), StringComparison.Ordinal) ? "an" : "a";
}
