using Waypoint.Data;

namespace Waypoint.Features.People;

/// <summary>A person as the organisation in scope knows them.</summary>
public sealed class PersonName
{
    public Guid UserId { get; init; }

    public string Name { get; init; } = string.Empty;
}

/// <summary>
/// The one place that says what a person is called in an organisation: the name on their membership there, never
/// the account's (which another organisation may have given). Someone no longer a member is not named at all, so
/// removing a person cannot reveal their account's name either.
/// </summary>
public static class PersonNames
{
    public const string FormerMember = "Someone who has left";

    /// <summary>Every member of the organisation in scope, by the name it knows them by; usable inside any query.</summary>
    public static IQueryable<PersonName> InScope(WaypointDb db) =>
        from m in db.Memberships
        join u in db.Users on m.UserId equals u.Id
        // Memberships made before names were kept per organisation carry none; they keep the name they showed then.
        select new PersonName { UserId = m.UserId, Name = m.DisplayName ?? u.DisplayName };
}
