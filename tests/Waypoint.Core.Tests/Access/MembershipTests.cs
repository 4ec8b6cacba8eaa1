using Waypoint.Core.Access;

namespace Waypoint.Core.Tests.Access;

public sealed class MembershipTests
{
    private static Membership Named(string? name) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Role.Member, DateTimeOffset.UnixEpoch, name!);

    [Fact]
    public void A_membership_keeps_the_name_its_organisation_gave_trimmed()
    {
        Assert.Equal("Guest Reviewer", Named("  Guest Reviewer ").DisplayName);
    }

    [Theory]
    [InlineData(null, "Enter the person's name")]
    [InlineData("   ", "Enter the person's name")]
    public void A_membership_needs_a_name(string? name, string message)
    {
        var refused = Assert.Throws<RuleViolation>(() => Named(name));
        Assert.Equal(("displayName", message), (refused.Field, refused.Message));
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_and_renaming_keeps_the_old_name()
    {
        var membership = Named("Short");
        var refused = Assert.Throws<RuleViolation>(() => membership.Rename(new string('x', Membership.DisplayNameMaxLength + 1)));
        Assert.Equal("displayName", refused.Field);
        Assert.Equal("Short", membership.DisplayName);
        Assert.Equal(new string('x', Membership.DisplayNameMaxLength), Named(new string('x', Membership.DisplayNameMaxLength)).DisplayName);
    }
}
