using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Access;

namespace Waypoint.Core.Tests.Access;

public sealed class PasswordRulesTests
{
    private static readonly string[] Denied = ["password1234", "qwertyuiopas"];

    [Theory]
    [InlineData("correct horse battery", true)]
    [InlineData("three random words", true)]
    [InlineData("short one", false)]
    [InlineData("Password1234", false)]
    [InlineData("  QWERTYUIOPAS ", false)]
    [InlineData("aaaaaaaaaaaaaaaa", false)]
    [InlineData("abababababababab", false)]
    public void Accepts_long_uncommon_passwords_without_composition_rules(string password, bool accepted) =>
        Assert.Equal(accepted, PasswordRules.Check(password, Denied).Count == 0);

    [Fact]
    public void Refuses_a_password_that_contains_the_persons_name()
    {
        var problems = PasswordRules.Check("my name is jordanlee ok", Denied, "jordanlee");
        Assert.Equal("Password must not contain your email address or name.", Assert.Single(problems));
    }

    [Property]
    public Property Any_password_shorter_than_the_minimum_is_refused(NonNull<string> text)
    {
        var password = text.Get.Length >= PasswordRules.MinimumLength ? text.Get[..(PasswordRules.MinimumLength - 1)] : text.Get;
        return (PasswordRules.Check(password, Denied).Count == 1).ToProperty();
    }

    [Property]
    public Property Composition_never_matters_only_length_and_commonness(PositiveInt seed)
    {
        // Lowercase letters only, long enough and varied: always accepted, whatever the mix of character kinds.
        var random = new Random(seed.Get);
        var password = new string(Enumerable.Range(0, 16).Select(_ => (char)('a' + random.Next(26))).ToArray());
        var accepted = PasswordRules.Check(password, Denied).Count == 0;
        return (accepted || password.Distinct().Count() <= 2).ToProperty();
    }
}
