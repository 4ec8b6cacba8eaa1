using Waypoint.Core.Access;

namespace Waypoint.Core.Tests.Access;

public sealed class RolePermissionsTests
{
    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Stakeholder)]
    [InlineData(Role.Member)]
    [InlineData(Role.Leader)]
    public void Only_admins_manage_the_directory_and_people_or_read_the_audit_trail(Role role)
    {
        Assert.False(RolePermissions.Grants(role, Permission.ManageDirectory));
        Assert.False(RolePermissions.Grants(role, Permission.ManageMembers));
        Assert.False(RolePermissions.Grants(role, Permission.ViewAudit));
        Assert.True(RolePermissions.Grants(role, Permission.ViewOrganisation));
    }

    [Fact]
    public void An_admin_holds_every_permission() =>
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(RolePermissions.Grants(Role.Admin, p)));

    [Theory]
    [InlineData(Role.Viewer, false, false)]
    [InlineData(Role.Stakeholder, false, false)]
    [InlineData(Role.Member, false, true)]
    [InlineData(Role.Leader, true, true)]
    [InlineData(Role.Admin, true, true)]
    public void Leaders_and_admins_run_the_mindset_assessment_and_members_up_read_its_results(Role role, bool manage, bool view)
    {
        Assert.Equal(manage, RolePermissions.Grants(role, Permission.ManageSurveys));
        Assert.Equal(view, RolePermissions.Grants(role, Permission.ViewSurveyResults));
    }
}
