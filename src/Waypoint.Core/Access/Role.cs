namespace Waypoint.Core.Access;

/// <summary>What a person may do in one organisation. A person may hold a different role in each.</summary>
public enum Role
{
    /// <summary>Reads dashboards and reports, such as a councillor.</summary>
    Viewer = 0,

    /// <summary>A guest, such as a service manager, who sees and comments on what they are invited to.</summary>
    Stakeholder = 1,

    /// <summary>A team member who proposes and runs steps.</summary>
    Member = 2,

    /// <summary>Sets outcomes and risk appetite.</summary>
    Leader = 3,

    /// <summary>Manages people, teams, services and settings.</summary>
    Admin = 4,
}
