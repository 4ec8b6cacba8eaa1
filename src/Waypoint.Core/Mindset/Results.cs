namespace Waypoint.Core.Mindset;

/// <summary>How many answers fell on each point of the scale, "don't know" included.</summary>
public sealed record Distribution(int StronglyDisagree, int Disagree, int NeitherAgreeNorDisagree, int Agree, int StronglyAgree, int DontKnow)
{
    public static readonly Distribution None = new(0, 0, 0, 0, 0, 0);

    public int Answers => StronglyDisagree + Disagree + NeitherAgreeNorDisagree + Agree + StronglyAgree + DontKnow;

    public int Count(Agreement answer) => answer switch
    {
        Agreement.StronglyDisagree => StronglyDisagree,
        Agreement.Disagree => Disagree,
        Agreement.NeitherAgreeNorDisagree => NeitherAgreeNorDisagree,
        Agreement.Agree => Agree,
        Agreement.StronglyAgree => StronglyAgree,
        _ => DontKnow,
    };

    public Distribution With(Agreement answer) => answer switch
    {
        Agreement.StronglyDisagree => this with { StronglyDisagree = StronglyDisagree + 1 },
        Agreement.Disagree => this with { Disagree = Disagree + 1 },
        Agreement.NeitherAgreeNorDisagree => this with { NeitherAgreeNorDisagree = NeitherAgreeNorDisagree + 1 },
        Agreement.Agree => this with { Agree = Agree + 1 },
        Agreement.StronglyAgree => this with { StronglyAgree = StronglyAgree + 1 },
        _ => this with { DontKnow = DontKnow + 1 },
    };

    public Distribution Minus(Distribution other) => new(
        StronglyDisagree - other.StronglyDisagree, Disagree - other.Disagree, NeitherAgreeNorDisagree - other.NeitherAgreeNorDisagree,
        Agree - other.Agree, StronglyAgree - other.StronglyAgree, DontKnow - other.DontKnow);
}

/// <summary>
/// A published figure: how many people of a group (or of all groups) responded, how many of them gave an answer on
/// the scale (<see cref="Answered"/>: the figure rests on them, and there are always at least the minimum), their
/// mean score from 1 to 5, the spread of their answers ("don't know" included), and the same figure's mean in the
/// campaign before (only when that campaign published it too).
/// </summary>
public sealed record Cell(int Respondents, int Answered, double Mean, Distribution Distribution, double? Previous)
{
    /// <summary>
    /// The change since the campaign before as it reads beside the two means shown with <paramref name="decimals"/>
    /// places: the difference of the rounded means, so that 3.1 and 3.3 are always 0.2 apart. None when not compared.
    /// </summary>
    public decimal? Change(int decimals) =>
        Previous is { } before ? Figures.Round(Mean, decimals) - Figures.Round(before, decimals) : null;
}

public sealed record GroupCell(string Group, Cell Cell);

/// <summary>A respondent's comment on a feature. <see cref="Group"/> is named only when that group's figure for the feature is shown.</summary>
public sealed record PublishedComment(string Text, string? Group);

/// <summary>One feature's published figures: per group shown for it, for all groups together (when shown), and the comments.</summary>
public sealed record FeatureResult(int Number, string Name, IReadOnlyList<GroupCell> Groups, Cell? Total, IReadOnlyList<PublishedComment> Comments)
{
    public Cell? For(string group) => Groups.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.OrdinalIgnoreCase))?.Cell;
}

/// <summary>
/// Everything about a closed campaign that may be shown, as it was published when the campaign closed: the minimum
/// then in force and the groups' names then. <see cref="Shown"/> groups have at least one published figure (a
/// missing cell is held back); <see cref="Suppressed"/> groups have none and are only named, never counted; groups
/// no one answered in are named apart. <see cref="Overall"/> scores each respondent by the mean of their feature
/// scores.
/// </summary>
public sealed record CampaignResults(
    int Minimum,
    IReadOnlyList<string> Shown,
    IReadOnlyList<string> Suppressed,
    IReadOnlyList<string> NoResponses,
    IReadOnlyList<FeatureResult> Features,
    IReadOnlyList<GroupCell> OverallGroups,
    Cell? Overall)
{
    public FeatureResult? Feature(int number) => Features.FirstOrDefault(f => f.Number == number);

    public Cell? OverallFor(string group) => OverallGroups.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.OrdinalIgnoreCase))?.Cell;

    /// <summary>Shown groups with some figures held back, for a page to say why a cell is empty.</summary>
    public IReadOnlyList<string> PartlyShown() =>
        Shown.Where(g => OverallFor(g) is null || Features.Any(f => f.For(g) is null)).ToList();
}

/// <summary>
/// One published figure as a flat row, for datasets and exports: a feature (none for the overall score) and a group
/// ("All" for every group together). Only figures in <see cref="CampaignResults"/> become rows.
/// </summary>
public sealed record ResultRow(int? FeatureNumber, string FeatureName, string Group, int Respondents, int Answered, double Mean, double? Previous, Distribution Distribution);

/// <summary>One response as the calculation sees it: its group's name and its answers, nothing else.</summary>
public sealed record Respondent(string Group, IReadOnlyList<Answer> Answers, IReadOnlyList<FeatureComment> Comments);

/// <summary>
/// The results of a campaign, already cut down to what may be shown. Which figures are shown is decided once for
/// the whole campaign by <see cref="Suppression.Decide"/>, from how many people of each group gave each feature an
/// answer on the scale, so that no figure — a mean, a distribution, a comment's group, a change — rests on fewer
/// people than the minimum, and none held back can be worked out from the others by sums and differences.
/// </summary>
public static class MindsetResults
{
    public static CampaignResults Calculate(Framework framework, IReadOnlyList<string> groups, IReadOnlyList<Respondent> respondents, int minimum, CampaignResults? previous)
    {
        var applied = Suppression.EffectiveMinimum(minimum);
        var byGroup = groups.ToDictionary(g => g, g => new List<Respondent>(), StringComparer.Ordinal);
        foreach (var respondent in respondents)
        {
            if (!byGroup.TryGetValue(respondent.Group, out var members))
            {
                throw new ArgumentException($"A response is from a group the campaign does not have: {respondent.Group}.", nameof(respondents));
            }

            members.Add(respondent);
        }

        var counts = groups.Select(g => new GroupCounts(
                g,
                byGroup[g].Count,
                framework.Features.Select(f => byGroup[g].Count(r => FeatureScore(r, f.Number) is not null)).ToList(),
                byGroup[g].Count(r => OverallScore(framework, r) is not null)))
            .ToList();
        var cut = Suppression.Decide(counts, framework.Features.Count, applied);
        var shown = cut.Named.ToList();

        var features = new List<FeatureResult>(framework.Features.Count);
        for (var index = 0; index < framework.Features.Count; index++)
        {
            var feature = framework.Features[index];
            var row = cut.Shown[index];
            var before = previous?.Features.FirstOrDefault(f => f.Number == feature.Number && string.Equals(f.Name, feature.Name, StringComparison.OrdinalIgnoreCase));
            double? Score(Respondent r) => FeatureScore(r, feature.Number);
            IEnumerable<Agreement> Given(Respondent r) => r.Answers.Where(a => a.FeatureNumber == feature.Number).Select(a => a.Value);

            var cells = shown.Where(row.Contains).Select(g => new GroupCell(g, CellOf(byGroup[g], Score, Given, before?.For(g)))).ToList();
            var total = cut.Totals[index] ? CellOf(respondents, Score, Given, before?.Total) : null;
            var comments = total is not null
                ? respondents.SelectMany(r => r.Comments.Where(c => c.FeatureNumber == feature.Number)
                        .Select(c => new PublishedComment(c.Text, row.Contains(r.Group) ? r.Group : null)))
                    // Alphabetical, so their order says nothing about who answered when.
                    .OrderBy(c => c.Text, StringComparer.Ordinal).ThenBy(c => c.Group, StringComparer.Ordinal).ToList()
                : [];
            features.Add(new FeatureResult(feature.Number, feature.Name, cells, total, comments));
        }

        double? Overall(Respondent r) => OverallScore(framework, r);
        IEnumerable<Agreement> All(Respondent r) => r.Answers.Select(a => a.Value);
        var overallGroups = shown.Where(cut.OverallShown.Contains).Select(g => new GroupCell(g, CellOf(byGroup[g], Overall, All, previous?.OverallFor(g)))).ToList();
        var overall = cut.OverallTotal ? CellOf(respondents, Overall, All, previous?.Overall) : null;

        return new CampaignResults(
            applied,
            shown,
            cut.HeldBack,
            groups.Where(g => byGroup[g].Count == 0).Order(StringComparer.Ordinal).ToList(),
            features,
            overallGroups,
            overall);
    }

    public const string AllGroups = "All";

    public const string OverallName = "Overall";

    /// <summary>Every published figure of the results as rows, features in order then the overall score; groups alphabetically, then all.</summary>
    public static IReadOnlyList<ResultRow> Rows(CampaignResults results)
    {
        static IEnumerable<ResultRow> For(int? number, string name, IReadOnlyList<GroupCell> groups, Cell? total) =>
            groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => (g.Group, g.Cell))
                .Concat(total is null ? [] : [(AllGroups, total)])
                .Select(c => new ResultRow(number, name, c.Item1, c.Item2.Respondents, c.Item2.Answered, c.Item2.Mean, c.Item2.Previous, c.Item2.Distribution));

        return results.Features.SelectMany(f => For(f.Number, f.Name, f.Groups, f.Total))
            .Concat(For(null, OverallName, results.OverallGroups, results.Overall))
            .ToList();
    }

    /// <summary>A respondent's score on a feature: the mean of their answers on the scale, leaving out "don't know".</summary>
    public static double? FeatureScore(Respondent respondent, int featureNumber)
    {
        var scores = respondent.Answers.Where(a => a.FeatureNumber == featureNumber && AgreementScale.IsScore(a.Value)).Select(a => (double)a.Value).ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>A respondent's overall score: the mean of their feature scores, leaving out features they scored nothing on.</summary>
    public static double? OverallScore(Framework framework, Respondent respondent)
    {
        var scores = framework.Features.Select(f => FeatureScore(respondent, f.Number)).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    private static Cell CellOf(IReadOnlyCollection<Respondent> respondents, Func<Respondent, double?> score, Func<Respondent, IEnumerable<Agreement>> answers, Cell? before)
    {
        var scores = respondents.Select(score).OfType<double>().ToList();
        var distribution = respondents.SelectMany(answers).Aggregate(Distribution.None, (d, a) => d.With(a));
        // Only figures resting on enough answers get here, so there is always a mean. A change needs both sides
        // published: the earlier figure is taken from what its campaign published.
        return new Cell(respondents.Count, scores.Count, scores.Average(), distribution, before?.Mean);
    }
}
