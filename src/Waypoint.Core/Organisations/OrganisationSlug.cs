using System.Text.RegularExpressions;

namespace Waypoint.Core.Organisations;

/// <summary>The short name that addresses an organisation in every URL, such as <c>anytown</c>.</summary>
public static partial class OrganisationSlug
{
    public const string Rule = "A slug is 2 to 40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.";

    /// <summary>Words that are the first segment of a non-organisation URL and so can never be slugs.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "account", "api", "open", "openapi", "healthz", "assets", "css", "js", "lib", "error", "errors",
        "organisations", "admin", "static", "favicon.ico", "robots.txt", "api-docs", "signin", "signout",
    };

    public static bool IsValid(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !Reserved.Contains(slug);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
