namespace Waypoint.Core.Organisations;

/// <summary>The shared rules for free-text fields: trimmed, present when required, and within their length.</summary>
public static class Text
{
    /// <param name="label">What to ask for, with its article, such as "a team name" or "an email address".</param>
    public static string Required(string? value, int maxLength, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RuleViolation(field, $"Enter {label}");
        }

        var noun = label.StartsWith("a ", StringComparison.Ordinal) ? label[2..]
            : label.StartsWith("an ", StringComparison.Ordinal) ? label[3..]
            : label;
        return Optional(value, maxLength, field, noun)!;
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
}
