using Waypoint.Core.Outcomes;
using Waypoint.Features.Services;
using Waypoint.Features.Teams;

namespace Waypoint.Features.Indicators;

/// <summary>
/// The teams and services that may own an indicator. The form offers them in one list, each choice written as
/// <c>team:ID</c> or <c>service:ID</c>, because an indicator has exactly one owner.
/// </summary>
public sealed class Owners
{
    public const string Field = "owner";

    private readonly Dictionary<Guid, string> _teams;
    private readonly Dictionary<Guid, string> _services;

    private Owners(Dictionary<Guid, string> teams, Dictionary<Guid, string> services) => (_teams, _services) = (teams, services);

    public static Owners None { get; } = new([], []);

    public static async Task<Owners> LoadAsync(TeamService teams, ServiceDirectory services, CancellationToken cancellationToken) => new(
        (await teams.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name),
        (await services.ListAsync(cancellationToken)).ToDictionary(s => s.Service.Id, s => s.Service.Name));

    public IEnumerable<(string Value, string Text)> Teams => _teams.OrderBy(t => t.Value).Select(t => ($"team:{t.Key}", t.Value));

    public IEnumerable<(string Value, string Text)> Services => _services.OrderBy(s => s.Value).Select(s => ($"service:{s.Key}", s.Value));

    public string NameOf(Indicator indicator) =>
        indicator.TeamId is { } team ? _teams.GetValueOrDefault(team, "Unknown team")
        : indicator.ServiceId is { } service ? _services.GetValueOrDefault(service, "Unknown service")
        : "Nobody";

    public static string? ValueOf(Indicator indicator) =>
        indicator.TeamId is { } team ? $"team:{team}" : indicator.ServiceId is { } service ? $"service:{service}" : null;

    /// <summary>Reads a choice back into a team or a service; anything else is neither, which the rules refuse.</summary>
    public static (Guid? TeamId, Guid? ServiceId) Read(string? value)
    {
        var parts = (value ?? string.Empty).Split(':', 2);
        if (parts.Length == 2 && Guid.TryParse(parts[1], out var id))
        {
            return parts[0] switch
            {
                "team" => (id, null),
                "service" => (null, id),
                _ => (null, null),
            };
        }

        return (null, null);
    }
}
