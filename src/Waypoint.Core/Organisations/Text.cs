namespace Waypoint.Core.Organisations;

/// <summary>
/// The shared rules for free-text fields: trimmed, present when required, within their length, and made of
/// characters that can be stored and shown.
/// </summary>
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
        var named = $"{char.ToUpperInvariant(label[0])}{label[1..]}";
        if (trimmed.Length > maxLength)
        {
            throw new RuleViolation(field, $"{named} must be {maxLength} characters or fewer");
        }

        if (ForbiddenCharacter(trimmed) is { } forbidden)
        {
            throw new RuleViolation(field, $"{named} must not contain {forbidden}");
        }

        return trimmed;
    }

    /// <summary>
    /// The first character that no text in Waypoint may hold, in words, or null when there is none: a control
    /// character other than tab, line feed and carriage return (PostgreSQL cannot store NUL at all, and the others
    /// are invisible tricks), or half of a surrogate pair without its other half, which is no character at all.
    /// </summary>
    public static string? ForbiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "half of a surrogate pair (an incomplete character)";
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return c == '\0' ? "a NUL character" : $"a control character (U+{(int)c:X4})";
            }
        }

        return null;
    }
}
