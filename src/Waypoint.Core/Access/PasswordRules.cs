namespace Waypoint.Core.Access;

/// <summary>
/// The password policy, following the NCSC's advice: a minimum length and a deny-list of passwords that are
/// known to be common, and no rules about which kinds of character to use.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public static IReadOnlyList<string> Check(string? password, IEnumerable<string> denied, params string[] personal)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            problems.Add($"Password must be {MinimumLength} characters or more. Three random words make a good one.");
            return problems;
        }

        if (password.Length > MaximumLength)
        {
            problems.Add($"Password must be {MaximumLength} characters or fewer.");
            return problems;
        }

        var folded = password.Trim().ToLowerInvariant();
        if (denied.Any(d => string.Equals(d, folded, StringComparison.Ordinal)) || folded.Distinct().Count() <= 2)
        {
            problems.Add("Password is too common. Choose one that is harder to guess, such as three random words.");
        }
        else if (personal.Any(p => !string.IsNullOrWhiteSpace(p) && folded.Contains(p.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            problems.Add("Password must not contain your email address or name.");
        }

        return problems;
    }
}
