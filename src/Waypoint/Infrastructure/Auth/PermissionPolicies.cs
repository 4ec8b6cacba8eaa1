using Microsoft.AspNetCore.Authorization;
using Waypoint.Core.Access;
using Waypoint.Infrastructure.Tenancy;

namespace Waypoint.Infrastructure.Auth;

/// <summary>An endpoint's need for one <see cref="Permission"/> in the organisation of the request.</summary>
public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Grants a permission when the person's role in the request's organisation holds it (see <see cref="RolePermissions"/>).</summary>
public sealed class PermissionHandler(OrganisationContext organisation) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (!organisation.Can(requirement.Permission))
        {
            return Task.CompletedTask;
        }

        // A read-only token cannot change anything, whatever its owner's role: it may only read.
        if (context.User.FindFirst(WaypointClaims.TokenScope)?.Value == nameof(TokenScope.Read)
            && context.Resource is HttpContext http
            && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            return Task.CompletedTask;
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    /// <summary>The policy name for a permission; use as <c>[Authorize(Policy = Policies.For.…)]</c> through the constants.</summary>
    public const string ViewOrganisation = nameof(Permission.ViewOrganisation);
    public const string ViewDirectory = nameof(Permission.ViewDirectory);
    public const string ManageDirectory = nameof(Permission.ManageDirectory);
    public const string ManageMembers = nameof(Permission.ManageMembers);
    public const string ViewAudit = nameof(Permission.ViewAudit);
    public const string ViewOutcomes = nameof(Permission.ViewOutcomes);
    public const string ManageOutcomes = nameof(Permission.ManageOutcomes);
    public const string RecordMeasurements = nameof(Permission.RecordMeasurements);
    public const string PostCheckIns = nameof(Permission.PostCheckIns);
    public const string ManageSteps = nameof(Permission.ManageSteps);
    public const string SignOffSteps = nameof(Permission.SignOffSteps);
    public const string SetStepRules = nameof(Permission.SetStepRules);
    public const string ManageSurveys = nameof(Permission.ManageSurveys);
    public const string ViewSurveyResults = nameof(Permission.ViewSurveyResults);

    /// <summary>Signed in, whatever the organisation: for pages outside any organisation.</summary>
    public const string SignedIn = "SignedIn";

    public static void AddWaypointPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
    }
}
