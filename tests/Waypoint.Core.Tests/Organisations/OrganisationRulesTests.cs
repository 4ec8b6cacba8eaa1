using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Organisations;

namespace Waypoint.Core.Tests.Organisations;

public sealed class OrganisationRulesTests
{
    [Theory]
    [InlineData("anytown", true)]
    [InlineData("north-yorkshire", true)]
    [InlineData("a1", true)]
    [InlineData("A-town", false)]
    [InlineData("-anytown", false)]
    [InlineData("anytown-", false)]
    [InlineData("a", false)]
    [InlineData("api", false)]
    [InlineData("account", false)]
    [InlineData("open", false)]
    [InlineData("any town", false)]
    public void Slugs_are_short_lowercase_words_that_cannot_shadow_other_urls(string slug, bool valid) =>
        Assert.Equal(valid, OrganisationSlug.IsValid(slug));

    [Property]
    public Property A_valid_slug_is_always_safe_in_a_url_path(NonNull<string> text) =>
        (!OrganisationSlug.IsValid(text.Get) || text.Get.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')).ToProperty();

    [Fact]
    public void A_team_name_is_trimmed_and_required()
    {
        var team = new Team(Guid.NewGuid(), Guid.NewGuid(), "  Digital  ", "   ");
        Assert.Equal("Digital", team.Name);
        Assert.Null(team.Description);
        var missing = Assert.Throws<RuleViolation>(() => team.Update(" ", null));
        Assert.Equal(("name", "Enter a team name"), (missing.Field, missing.Message));
    }

    [Fact]
    public void An_over_long_service_description_names_the_field()
    {
        var violation = Assert.Throws<RuleViolation>(() => new Service(Guid.NewGuid(), Guid.NewGuid(), "Libraries", new string('x', 2001), null));
        Assert.Equal(("description", "Description must be 2000 characters or fewer"), (violation.Field, violation.Message));
    }

    [Property]
    public Property Any_name_within_the_limit_survives_trimming(NonEmptyString name)
    {
        var trimmed = name.Get.Trim();
        // Control characters are refused outright (InputRulesTests).
        if (trimmed.Length == 0 || trimmed.Length > Team.NameMaxLength || Text.ForbiddenCharacter(trimmed) is not null)
        {
            return true.ToProperty();
        }

        return (new Team(Guid.NewGuid(), Guid.NewGuid(), name.Get, null).Name == trimmed).ToProperty();
    }
}
