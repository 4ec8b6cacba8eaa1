using Microsoft.AspNetCore.Identity;
using Waypoint.Core.Access;
using Waypoint.Data;

namespace Waypoint.Infrastructure.Identity;

/// <summary>Applies <see cref="PasswordRules"/> (NCSC: length and a deny-list, no composition rules) to Identity.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<WaypointUser>
{
    private static readonly Lazy<string[]> Denied = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<WaypointUser> manager, WaypointUser user, string? password)
    {
        var emailName = user.Email?.Split('@')[0];
        var problems = PasswordRules.Check(password, Denied.Value, emailName ?? string.Empty, user.DisplayName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }

    private static string[] Load()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly
            .GetManifestResourceStream("Waypoint.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.ToLowerInvariant())
            .ToArray();
    }
}
