namespace Waypoint.Core.Access;

/// <summary>The one table of which role holds which permission.</summary>
public static class RolePermissions
{
    public static bool Grants(Role role, Permission permission) => permission switch
    {
        Permission.ViewOrganisation => true,
        Permission.ViewDirectory => true,
        Permission.ManageDirectory => role is Role.Admin,
        Permission.ManageMembers => role is Role.Admin,
        Permission.ViewAudit => role is Role.Admin,
        Permission.ViewOutcomes => true,
        Permission.ViewPrivateOutcomes => role is Role.Member or Role.Leader or Role.Admin,
        // Leaders set the organisation's outcomes (lead more, manage less); admins may help.
        Permission.ManageOutcomes => role is Role.Leader or Role.Admin,
        Permission.RecordMeasurements => role is Role.Member or Role.Leader or Role.Admin,
        Permission.PostCheckIns => role is Role.Member or Role.Leader or Role.Admin,
        // Treat everyone as a responsible adult: any member may propose and start steps.
        Permission.ManageSteps => role is Role.Member or Role.Leader or Role.Admin,
        Permission.SignOffSteps => role is Role.Leader or Role.Admin,
        Permission.SetStepRules => role is Role.Leader or Role.Admin,
        // Leaders enthuse: they and admins run the assessment; members and up read its (anonymous) results.
        Permission.ManageSurveys => role is Role.Leader or Role.Admin,
        Permission.ViewSurveyResults => role is Role.Member or Role.Leader or Role.Admin,
        _ => false,
    };
}
