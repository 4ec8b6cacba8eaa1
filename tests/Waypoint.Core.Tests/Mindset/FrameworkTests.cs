using Waypoint.Core.Mindset;

namespace Waypoint.Core.Tests.Mindset;

public sealed class FrameworkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Framework Default() => DefaultFramework.Create(Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void The_default_framework_has_the_fifteen_features_in_order_with_three_statements_each()
    {
        var framework = Default();
        Assert.Equal(Enumerable.Range(1, 15), framework.Features.Select(f => f.Number));
        Assert.Equal("Lead more, manage less", framework.Features[1].Name);
        Assert.Equal("Holistic: digital is everyone's business", framework.Features[14].Name);
        Assert.All(framework.Features, f => Assert.Equal([1, 2, 3], f.Statements.Select(s => s.Number)));
        Assert.Equal(45, framework.StatementCount);
    }

    [Fact]
    public void A_clone_is_the_next_version_with_the_same_features_and_remembers_its_source()
    {
        var framework = Default();
        var clone = framework.Clone(Guid.NewGuid(), 2, Now);
        Assert.Equal((2, framework.Id), (clone.Version, clone.BasedOnId));
        Assert.Equal(framework.ToDocument().Features!.SelectMany(f => f.Statements!), clone.ToDocument().Features!.SelectMany(f => f.Statements!));
    }

    [Fact]
    public void A_version_in_use_cannot_be_edited()
    {
        var framework = Default();
        var error = Assert.Throws<RuleViolation>(() => framework.Edit("Changed", framework.Drafts(), inUse: true));
        Assert.Contains("Make a copy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 3, "features")]
    [InlineData(31, 3, "features")]
    [InlineData(2, 0, "feature-1-statement-1")]
    [InlineData(2, 7, "feature-1-statement-7")]
    public void Features_and_statements_stay_within_their_limits(int features, int statements, string field)
    {
        var drafts = Enumerable.Range(1, features)
            .Select(i => new FeatureDraft($"Feature {i}", null, Enumerable.Range(1, statements).Select(s => (string?)$"Statement {s}").ToList()))
            .ToList();
        var error = Assert.Throws<RuleViolation>(() => new Framework(Guid.NewGuid(), Guid.NewGuid(), "Ours", 1, drafts, Now));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_statement_too_long_is_named_by_its_place()
    {
        var drafts = new[] { new FeatureDraft("One", null, ["Fine"]), new FeatureDraft("Two", null, ["Fine", new string('x', Framework.StatementMaxLength + 1)]) };
        Assert.Equal("feature-2-statement-2", Assert.Throws<RuleViolation>(() => new Framework(Guid.NewGuid(), Guid.NewGuid(), "Ours", 1, drafts, Now)).Field);
    }

    [Fact]
    public void Two_features_cannot_share_a_name() =>
        Assert.Equal("feature-2-name", Assert.Throws<RuleViolation>(() => new Framework(Guid.NewGuid(), Guid.NewGuid(), "Ours", 1,
            [new FeatureDraft("Same", null, ["a"]), new FeatureDraft("same", null, ["b"])], Now)).Field);

    [Fact]
    public void Export_then_import_gives_the_same_framework()
    {
        var framework = Default();
        var imported = Framework.Import(Guid.NewGuid(), framework.OrganisationId, framework.ToDocument(), 3, Now);
        Assert.Equal(framework.ToDocument() with { Version = 3 }, imported.ToDocument(), new DocumentComparer());
    }

    [Fact]
    public void An_import_with_no_features_is_refused() =>
        Assert.Equal("features", Assert.Throws<RuleViolation>(() => Framework.Import(Guid.NewGuid(), Guid.NewGuid(), new FrameworkDocument("Empty", 1, null), 1, Now)).Field);

    private sealed class DocumentComparer : IEqualityComparer<FrameworkDocument>
    {
        public bool Equals(FrameworkDocument? x, FrameworkDocument? y) =>
            x!.Name == y!.Name && x.Version == y.Version && x.Features!.Count == y.Features!.Count
            && x.Features.Zip(y.Features).All(p => p.First.Number == p.Second.Number && p.First.Name == p.Second.Name
                && p.First.Description == p.Second.Description && p.First.Statements!.SequenceEqual(p.Second.Statements!));

        public int GetHashCode(FrameworkDocument obj) => obj.Name?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
