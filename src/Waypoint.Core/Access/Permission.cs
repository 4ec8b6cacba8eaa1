namespace Waypoint.Core.Access;

/// <summary>The things a role may or may not do. Each endpoint asks for exactly one.</summary>
public enum Permission
{
    /// <summary>See the organisation's home page and that one belongs to it.</summary>
    ViewOrganisation,

    /// <summary>See the organisation's teams and services.</summary>
    ViewDirectory,

    /// <summary>Create and change teams and services.</summary>
    ManageDirectory,

    /// <summary>See and change who belongs to the organisation and with which role.</summary>
    ManageMembers,

    /// <summary>Read the audit trail.</summary>
    ViewAudit,

    /// <summary>See outcomes shown to the organisation or the public, their indicators and measurements.</summary>
    ViewOutcomes,

    /// <summary>See outcomes kept private to the people who work on them.</summary>
    ViewPrivateOutcomes,

    /// <summary>Define outcomes, indicators and targets, and move outcomes through their states.</summary>
    ManageOutcomes,

    /// <summary>Record measurements of indicators.</summary>
    RecordMeasurements,

    /// <summary>Post check-ins on outcomes: progress and a confidence, instead of a timesheet.</summary>
    PostCheckIns,

    /// <summary>Propose, plan and move steps, assess their risk and write up what they taught. Anyone doing the work may.</summary>
    ManageSteps,

    /// <summary>Sign off a step's risk above appetite, and let a step run longer than the box.</summary>
    SignOffSteps,

    /// <summary>Set the risk appetite per category, the appetite scale, the longest a step may take and the holidays.</summary>
    SetStepRules,

    /// <summary>Run the mindset assessment: frameworks, campaigns, groups and invitations.</summary>
    ManageSurveys,

    /// <summary>See a closed campaign's results (always cut down to what may be shown) and an open one's count of answers.</summary>
    ViewSurveyResults,
}
