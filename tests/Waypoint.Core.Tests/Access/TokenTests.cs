using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Waypoint.Core.Access;

namespace Waypoint.Core.Tests.Access;

public sealed class TokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_keeps_only_the_hash_of_its_secret()
    {
        var (token, secret) = ApiToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "ci", TokenScope.Read, Now, TimeSpan.FromDays(90));
        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(ApiToken.Hash(secret), token.SecretHash);
        Assert.DoesNotContain(secret[ApiToken.Prefix.Length..], token.SecretHash, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(90), token.ExpiresAt);
    }

    [Fact]
    public void Two_tokens_never_share_a_secret()
    {
        var secrets = Enumerable.Range(0, 200)
            .Select(_ => ApiToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "t", TokenScope.Read, Now, TimeSpan.FromDays(1)).Secret)
            .ToHashSet();
        Assert.Equal(200, secrets.Count);
    }

    [Property]
    public Property A_token_is_usable_exactly_until_it_expires_or_is_revoked(PositiveInt lifetimeMinutes, int offsetMinutes)
    {
        var (token, _) = ApiToken.Issue(Guid.NewGuid(), Guid.NewGuid(), "t", TokenScope.Write, Now, TimeSpan.FromMinutes(lifetimeMinutes.Get));
        var at = Now.AddMinutes(offsetMinutes);
        var usable = token.IsUsableAt(at) == (at < token.ExpiresAt);
        token.Revoke(Now);
        return (usable && !token.IsUsableAt(at)).ToProperty();
    }

    [Theory]
    [InlineData("90d", 90 * 24)]
    [InlineData("12h", 12)]
    [InlineData("2w", 14 * 24)]
    [InlineData("366d", 366 * 24)]
    public void Lifetimes_read_as_a_number_and_a_unit(string text, int hours)
    {
        Assert.True(TokenLifetime.TryParse(text, out var lifetime, out _));
        Assert.Equal(TimeSpan.FromHours(hours), lifetime);
    }

    [Theory]
    [InlineData("", "Give the lifetime")]
    [InlineData("90", "unknown unit")]
    [InlineData("5x", "unknown unit")]
    [InlineData("0d", "above zero")]
    [InlineData("-3d", "above zero")]
    [InlineData("367d", "at most 366 days")]
    public void Bad_lifetimes_say_what_is_wrong(string text, string message)
    {
        Assert.False(TokenLifetime.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
