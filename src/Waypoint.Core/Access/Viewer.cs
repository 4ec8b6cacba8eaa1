using Waypoint.Core.Outcomes;

namespace Waypoint.Core.Access;

/// <summary>
/// Who is looking, built once per request: the person (none for someone not signed in), their role in the
/// organisation of the request, and today's date where that organisation is. Every question of "may this person
/// see or do this?" and "what is today?" is answered from it, so no page or endpoint passes its own flags around.
/// </summary>
public sealed record Viewer(Guid? PersonId, Role? Role, DateOnly Today)
{
    /// <summary>Someone not signed in, such as a person taking part in a survey.</summary>
    public static Viewer Anonymous(DateOnly today) => new(null, null, today);

    public bool Can(Permission permission) => Role is { } role && RolePermissions.Grants(role, permission);

    /// <summary>The signed-in person; asking for it when nobody is signed in is a programming error.</summary>
    public Guid Person => PersonId ?? throw new InvalidOperationException("Nobody is signed in.");

    public bool Is(Guid person) => PersonId == person;

    /// <summary>
    /// The outcomes this viewer may see: private ones only with the permission to see them. Steps, targets and
    /// check-ins are seen exactly when their outcome is.
    /// </summary>
    public Condition<Outcome> Sees => Can(Permission.ViewPrivateOutcomes) ? OutcomeRules.Any : OutcomeRules.NotPrivate;
}
