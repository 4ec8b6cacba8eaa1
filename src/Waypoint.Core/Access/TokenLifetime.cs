using System.Globalization;

namespace Waypoint.Core.Access;

/// <summary>Reads a token lifetime such as <c>90d</c>, <c>12h</c> or <c>2w</c>.</summary>
public static class TokenLifetime
{
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan lifetime, out string? error)
    {
        lifetime = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            error = "Give the lifetime as a number and a unit, such as 90d, 12h or 2w.";
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            error = $"'{text}' is not a lifetime: give a whole number above zero and a unit, such as 90d.";
            return false;
        }

        TimeSpan? parsed = unit switch
        {
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(amount * 7d),
            _ => null,
        };
        if (parsed is null)
        {
            error = $"'{text}' has an unknown unit: use h (hours), d (days) or w (weeks).";
            return false;
        }

        if (parsed > Maximum)
        {
            error = "A token may live for at most 366 days.";
            return false;
        }

        lifetime = parsed.Value;
        return true;
    }
}
